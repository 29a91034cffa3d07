"""Run the explorer with uvicorn: the address it prints, the token it needs off loopback."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stratgraph.viz.explorer.config import ExplorerConfig
from stratgraph.viz.explorer.security import is_loopback, new_token

if TYPE_CHECKING:
    import socket

    from stratgraph.graph.store import GraphStore


@dataclass(frozen=True)
class Address:
    """Where the explorer listens, and the link to open (with the token when one is needed)."""

    host: str
    port: int
    token: str | None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        # the overview first (issue #16: the start page is each plan's health); its charts
        # and the Explore link lead into the explorer, which keeps the token as a cookie
        link = f"http://{host}:{self.port}/"
        return f"{link}?token={self.token}" if self.token else link


def plan_address(host: str, port: int) -> Address:
    """The address to serve on: a token is generated for any host but loopback."""
    return Address(host, port, None if is_loopback(host) else new_token())


def listen(address: Address) -> tuple[list[socket.socket], Address]:
    """Sockets listening on every address ``address.host`` names (as uvicorn binds them), and
    the address with the port they got (``0``: a free one).

    Listening before the app starts means a request sent as soon as the address is printed
    waits in the socket's queue; it is never refused.
    """
    import socket

    from stratgraph.errors import StratgraphError

    port, sockets = address.port, []
    try:
        for family, kind, proto, _name, where in socket.getaddrinfo(
                address.host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind((where[0], port, *where[2:]))
            sock.listen(2048)
            port = sock.getsockname()[1]  # a port 0 asked for is the first socket's, for all
    except OSError as exc:
        for sock in sockets:
            sock.close()
        raise StratgraphError(f"cannot listen on {address.host}:{address.port}: "
                              f"{exc.strerror or exc}") from exc
    return sockets, dataclasses.replace(address, port=port)


def serve(config: ExplorerConfig, address: Address, *, say: Callable[[str], None],
          open_browser: bool = False, opened: GraphStore | None = None) -> None:
    """Serve until interrupted (Ctrl-C). The address is printed once the app has started
    (the store open, the `/` page kept at write time read), so the link works when shown.

    ``opened``: the store, already open in this thread (the one uvicorn serves from).
    """
    import uvicorn

    from stratgraph.viz.explorer.app import create_app

    sockets, address = listen(address)

    def ready() -> None:
        say(f"stratgraph explorer: {address.url}")
        if address.token:
            say(f"warning: listening on {address.host}, reachable from other machines; every "
                "request needs the access token above (?token=, kept as a cookie)")
        say("press Ctrl-C to stop")
        if open_browser:
            import threading
            import webbrowser

            threading.Thread(target=webbrowser.open, args=(address.url,), daemon=True).start()

    app = create_app(config, opened=opened, ready=ready)
    server = uvicorn.Server(uvicorn.Config(app, host=address.host, port=address.port,
                                           log_level="warning", server_header=False))
    try:
        server.run(sockets=sockets)
    finally:
        for sock in sockets:
            sock.close()
