"""The console script: catches Ctrl-C from the first moment, before the CLI is even imported.

Starting the CLI imports typer, rich and the command modules, which takes a noticeable part of
a second; a Ctrl-C then would end in a traceback from inside some import. This module imports
nothing heavy itself, so the interrupt is always caught here and told in one line.
"""

from __future__ import annotations

import gc
import sys

#: The exit code of a process ended by SIGINT, as shells report it.
INTERRUPTED = 130


def main() -> None:
    """Run the ``stratgraph`` command; Ctrl-C at any moment ends it with one line, code 130."""
    try:
        # Importing the CLI makes thousands of objects (modules, classes, functions) that live
        # as long as the process; the cyclic collector swept them 20 times during the import and
        # again in every older-generation sweep after. They are made with it paused, then set
        # aside for good (gc.freeze): 3 to 10 ms of a build's CPU. It runs as before for the
        # command itself.
        gc.disable()
        try:
            if sys.argv[1:2] == ["build"]:
                # A plainly written build runs without typer (see build_command); anything
                # else, or any doubt, is typer's to parse.
                from stratgraph.cli.build_command import quick_build

                run = None
            else:
                from stratgraph.cli.main import main as run
        finally:
            gc.freeze()
            gc.enable()
        if run is None:
            code = quick_build(sys.argv[2:])
            if code is not None:
                raise SystemExit(code)
            gc.disable()
            try:
                from stratgraph.cli.main import main as run
            finally:
                gc.freeze()
                gc.enable()
        run()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(INTERRUPTED) from None


if __name__ == "__main__":  # pragma: no cover
    main()
