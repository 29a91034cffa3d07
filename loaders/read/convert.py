"""Old office formats (.doc, .rtf, .xls) read through LibreOffice, when it is installed.

No well-kept permissive Python library reads Word 97-2003 binaries or RTF with their
structure (headings, lists, tables); LibreOffice does, and converts them to the formats
stratgraph reads (.docx, .xlsx). It runs headless as a subprocess: no shell, the file written
into a temporary folder of its own with a fixed name (the user's file name never reaches the
command line), a fresh user profile there (so it neither touches nor waits on the user's own
LibreOffice), and a time limit. Without LibreOffice the file is refused with one line saying
what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from stratgraph.errors import LoaderError

#: Seconds a conversion may take: a plan converts in a few seconds; a hung office suite must
#: not hang a build.
TIMEOUT = 120.0


def soffice() -> str | None:
    """LibreOffice's command (``soffice``), or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, where: str, suffix: str, target: str, *, what: str,
            profile: Path | None = None, timeout: float = TIMEOUT) -> bytes:
    """``data`` (a file with ``suffix``, such as ``.doc``) converted by LibreOffice to
    ``target`` (``docx``, ``xlsx``, ``odt``), as bytes.

    ``what`` names the file's kind in the one-line errors ("an old Word file"). ``profile`` is
    a LibreOffice user profile folder to reuse (a caller converting many files saves the
    profile's start-up each time); by default a fresh one in the temporary folder.
    Raises :class:`LoaderError` naming the file when LibreOffice is missing, times out or
    cannot convert it (damaged, password-protected or empty).
    """
    command = soffice()
    if command is None:
        raise LoaderError(f"{what}: stratgraph reads it through LibreOffice, which is not "
                          f"installed (install LibreOffice, or save it as .docx or PDF)",
                          file=where)
    with tempfile.TemporaryDirectory(prefix="stratgraph-convert-") as folder:
        base = Path(folder)
        source = base / f"plan{suffix}"
        source.write_bytes(data)
        out = base / "out"
        out.mkdir()
        user = profile or base / "profile"
        args = [command, f"-env:UserInstallation={user.resolve().as_uri()}", "--headless",
                "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", str(out),
                str(source)]
        env = {**os.environ, "HOME": str(base)}  # LibreOffice writes caches under HOME
        try:
            # Its own session, so a time-out ends the whole suite (the launcher starts
            # soffice.bin as a child of its own), not only the launcher.
            proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, env=env, cwd=folder,
                                    start_new_session=True)
        except OSError as exc:
            raise LoaderError(f"{what}: LibreOffice could not be run ({exc.strerror or exc})",
                              file=where) from exc
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _end(proc)
            raise LoaderError(f"{what}: LibreOffice took over {timeout:.0f} s to convert it; "
                              "save it as .docx or PDF", file=where) from exc
        result = out / f"plan.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise LoaderError(f"{what}: LibreOffice could not convert it (damaged, "
                              "password-protected or empty?)", file=where)
        return result.read_bytes()


def _end(proc: subprocess.Popen[bytes]) -> None:
    """End a conversion that ran out of time: its process group, then wait for it."""
    import signal

    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.wait()
