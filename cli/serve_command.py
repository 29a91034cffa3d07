"""`stratgraph serve`: the explorer, a local web app over the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from stratgraph.cli.options import (
    DEFAULT_GRAPH_FILE,
    DatabaseOpt,
    GraphOpt,
    PasswordFileOpt,
    PasswordOpt,
    StoreOpt,
    UriOpt,
    UserOpt,
)
from stratgraph.cli.support import reported


def serve(
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, metavar="N",
        help="Port to listen on.")] = 8765,
    host: Annotated[str, typer.Option("--host", metavar="HOST",
        help="Address to listen on. Anything but loopback prints a warning and an access "
        "token every request must carry.")] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", metavar="",
        help="Open the explorer in a browser.")] = False,
    read_only: Annotated[bool, typer.Option("--read-only", metavar="",
        help="Refuse every correction (the page shows no edit controls).")] = False,
    curation: Annotated[
        Optional[Path],
        typer.Option("--curation", metavar="FILE", dir_okay=False,
            help="Curation file corrections are written to (default: "
            "stratgraph-curation.toml in the working directory)."),
    ] = None,
    documents: Annotated[
        Optional[list[Path]],
        typer.Option("--documents", metavar="FOLDER", file_okay=False, show_default=False,
            help="Where the plan files are, for the source panel (default: the working "
            "directory and its subfolders). Repeatable."),
    ] = None,
) -> None:
    """Explore the graph in a browser: search, expand, golden thread, questions, source."""
    from stratgraph.cli.options import store_config
    from stratgraph.config import open_store
    from stratgraph.errors import StoreError

    with reported():
        if store == "embedded" and not graph.exists():
            raise StoreError(f"{graph}: no saved graph; run `stratgraph build` first")
        config = store_config(store, graph, uri, user, password, database, password_file)
        # Opened here so a wrong address or password is one line now, not a page error; then
        # served from (uvicorn runs in this thread), not opened again.
        opened = open_store(config)
        from stratgraph.graph.passes.curation import DEFAULT_CURATION_FILE
        from stratgraph.viz.explorer import ExplorerConfig
        from stratgraph.viz.explorer.security import LOOPBACK_NAMES, is_loopback
        from stratgraph.viz.explorer.server import plan_address
        from stratgraph.viz.explorer.server import serve as run

        address = plan_address(host, port)
        explorer = ExplorerConfig(
            open_store=lambda: open_store(config),
            curation=curation or DEFAULT_CURATION_FILE,
            read_only=read_only,
            token=address.token,
            documents=tuple(documents) if documents else (Path.cwd(),),
            hosts=LOOPBACK_NAMES if is_loopback(host) else None,
        )
        try:
            run(explorer, address, say=lambda m: typer.echo(m, err=True),
                open_browser=open_browser, opened=opened)
        except KeyboardInterrupt:
            pass
        finally:
            opened.close()
