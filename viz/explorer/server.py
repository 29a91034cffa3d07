"""Run the explorer with uvicorn: the address it prints, the token it needs off loopback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from stratgraph.viz.explorer.config import ExplorerConfig
from stratgraph.viz.explorer.security import is_loopback, new_token


@dataclass(frozen=True)
class Address:
    """Where the explorer listens, and the link to open (with the token when one is needed)."""

    host: str
    port: int
    token: str | None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        link = f"http://{host}:{self.port}/explore"
        return f"{link}?token={self.token}" if self.token else link


def plan_address(host: str, port: int) -> Address:
    """The address to serve on: a token is generated for any host but loopback."""
    return Address(host, port, None if is_loopback(host) else new_token())


def serve(config: ExplorerConfig, address: Address, *, say: Callable[[str], None],
          open_browser: bool = False) -> None:
    """Serve until interrupted (Ctrl-C)."""
    import uvicorn

    from stratgraph.viz.explorer.app import create_app

    app = create_app(config)
    say(f"stratgraph explorer: {address.url}")
    if address.token:
        say(f"warning: listening on {address.host}, reachable from other machines; every "
            "request needs the access token above (?token=, kept as a cookie)")
    say("press Ctrl-C to stop")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, args=(address.url,)).start()
    uvicorn.run(app, host=address.host, port=address.port, log_level="warning",
                server_header=False)
