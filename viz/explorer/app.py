"""The explorer's HTTP routes (FastAPI): the page, its assets, and a small JSON API.

The API is described by OpenAPI at ``/openapi.json`` and listed at ``/docs`` by a page of our
own (FastAPI's default docs load Swagger UI from a CDN, and the explorer makes no outside
request). Route handlers are ``async`` and do their store work inline: the store is used from
the event loop's thread only (a SQLite connection belongs to the thread that opened it).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

# FastAPI resolves the handlers' annotations from this module's globals, so it is imported
# here; this module itself is imported only when `stratgraph serve` builds the app.
from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response

from stratgraph.viz.explorer import api, security
from stratgraph.viz.explorer.config import ExplorerConfig

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

STATIC = resources.files("stratgraph.viz.explorer") / "static"
EXPORT_FORMATS = ("json", "graphml", "csv", "html")
#: Nodes a question's rows add to the picture at most.
VIEW_LIMIT = 200
#: Nodes an export of the current view holds at most.
EXPORT_LIMIT = 5000


class _Stores:
    """One store per thread that asks, closed together at shutdown."""

    def __init__(self, opener: Any, opened: GraphStore | None = None) -> None:
        self._opener = opener
        self._local = threading.local()
        self._all: list[GraphStore] = []
        self._lock = threading.Lock()
        if opened is not None:
            # Opened by the caller in this thread, the one that will serve (`stratgraph serve`
            # checks the address and password with it, then runs uvicorn here): used, not
            # opened a second time while the user waits.
            self._local.store = opened
            self._all.append(opened)

    def get(self) -> GraphStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._opener()
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def warm(self) -> GraphStore | None:
        """Open the calling thread's store now (the app starting), not on the first request:
        at 1M nodes on Neo4j opening it (import, connect, log in) was 0.8 s of a first view.
        A store that cannot open yet is left to the first request, which reports why."""
        from stratgraph.errors import StratgraphError

        try:
            return self.get()
        except StratgraphError:
            return None

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


class _OverviewCache:
    """The last ``/`` page, kept while the store's facts stamp and the day are unchanged.

    Only a store that stamps its state keeps one (Neo4j: the facts meta node's count of
    writes and its node and relationship counts, ``None`` while the facts are not current);
    the page is kept only when the stamp read before computing it is still the stamp after,
    so a write during the computation never leaves a page that mixes the two graphs.
    """

    def __init__(self) -> None:
        self._key: tuple[Any, ...] | None = None
        self._page: Any = None
        self._lock = threading.Lock()

    def page(self, store: GraphStore, compute: Any) -> Any:
        stamp = getattr(store, "facts_stamp", None)
        key = self._stamped(stamp)
        if key is None:
            return compute()
        with self._lock:
            if self._key == key:
                return self._page
        return self._keep(stamp, key, compute())

    def warm(self, store: GraphStore, stored: Any) -> None:
        """Keep the page the store kept at write time (``stored()``: one read, or None), as
        the app starts: the first ``/`` is then the stamp's check. A page that must be asked
        and drawn is left to the first visit (a graph small enough to draw it live)."""
        stamp = getattr(store, "facts_stamp", None)
        key = self._stamped(stamp)
        if key is not None:
            page = stored()
            if page is not None:
                self._keep(stamp, key, page)

    @staticmethod
    def _stamped(stamp: Any) -> tuple[Any, ...] | None:
        import datetime as dt

        key = (stamp(), dt.date.today()) if stamp is not None else None
        return None if key is None or key[0] is None else key

    def _keep(self, stamp: Any, key: tuple[Any, ...], page: Any) -> Any:
        import datetime as dt

        if (stamp(), dt.date.today()) == key:
            with self._lock:
                self._key, self._page = key, page
        return page


class _WarmUp(threading.Thread):
    """Runs the statements of the first clicks once (Neo4j: graph/neo4j_warm.py), so the
    database has planned them, on a thread of its own started once the address is printed:
    neither the address nor the first `/` waits for it. ``warmed``: what it did, once ended."""

    def __init__(self, warm: Callable[..., Any]) -> None:
        super().__init__(name="stratgraph-warm-up", daemon=True)
        self._warm = warm
        self.warmed: list[Any] = []

    def run(self) -> None:
        try:
            # the routes ask one more than they show, to know if there is more
            self.warmed = self._warm(expand_limit=api.EXPAND_LIMIT + 1,
                                     query_rows=api.QUERY_ROWS + 1)
        except Exception:  # noqa: BLE001 (never the server's failure: a click runs its own)
            import logging

            logging.getLogger(__name__).info("warming the explorer's statements failed",
                                             exc_info=True)


def _warm_up(store: GraphStore | None) -> _WarmUp | None:
    """The warm-up, started; None for a store that needs none (the embedded store)."""
    warm = getattr(store, "warm_statements", None)
    if warm is None:
        return None
    thread = _WarmUp(warm)
    thread.start()
    return thread


def create_app(config: ExplorerConfig, *, opened: GraphStore | None = None,
               ready: Callable[[], None] | None = None) -> FastAPI:
    """The explorer as an ASGI app serving ``config``'s store.

    Args:
        config: what it serves.
        opened: a store already open in the calling thread, when that thread serves the
            requests (`stratgraph serve`); used instead of opening another there.
        ready: called once the app has started (store open, the kept `/` page read), before
            it serves its first request: `stratgraph serve` prints its address then.
    """
    from stratgraph.errors import CurationError, StratgraphError

    stores = _Stores(config.open_store, opened)
    pages = _OverviewCache()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        # The lifespan runs in the thread that serves the requests (uvicorn's event loop,
        # or a TestClient's portal), so the store opened here is the one they use.
        store = stores.warm()
        if store is not None:
            from stratgraph.viz.overview_page import stored_overview_page

            try:
                pages.warm(store, lambda: stored_overview_page(store, served=True))
            except StratgraphError:
                pass  # left to the first `/`, which reports why
        if ready is not None:
            ready()
        _app.state.warm_up = _warm_up(store)
        yield
        stores.close()

    app = FastAPI(
        title="stratgraph explorer",
        summary="Search, expand, follow the golden thread, ask the named queries, read the "
        "source and correct the reading of a stratgraph graph.",
        version="1",
        docs_url=None, redoc_url=None, lifespan=lifespan,
    )

    class NotFound(Exception):
        pass

    @app.exception_handler(StratgraphError)
    async def _error(_request: Request, exc: StratgraphError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.exception_handler(NotFound)
    async def _missing(_request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=404)

    @app.middleware("http")
    async def _guard(request: Request, call_next: Any) -> Any:
        set_cookie = False
        refused = _refusal(request, config.hosts)
        if refused:
            response = Response(refused + "\n", status_code=403, media_type="text/plain")
            response.headers.update(security.HEADERS)
            return response
        if config.token is not None:
            given = (request.query_params.get("token") or request.headers.get(security.HEADER)
                     or request.cookies.get(security.COOKIE))
            if not security.token_matches(given, config.token):
                response: Any = Response("stratgraph serve: this address needs the access token "
                                         "printed when the server started (?token=...)\n",
                                         status_code=401, media_type="text/plain")
                response.headers.update(security.HEADERS)
                return response
            set_cookie = request.query_params.get("token") is not None
        response = await call_next(request)
        for name, value in security.HEADERS.items():
            response.headers.setdefault(name, value)  # a page with its own policy keeps it
        if set_cookie:
            response.set_cookie(security.COOKIE, config.token or "", httponly=True,
                                samesite="strict")
        return response

    def found(value: Any, what: str) -> Any:
        if value is None:
            raise NotFound(f"no {what}")
        return value

    # -- the page and its assets -------------------------------------------------------------

    def asset(name: str, media: str) -> Response:
        return Response((STATIC / name).read_bytes(), media_type=media,
                        headers={"cache-control": "no-cache"})

    @app.get("/", include_in_schema=False)
    async def _root() -> Response:
        # The start page: each plan's health (the same page `stratgraph report` writes), its
        # charts linking into the explorer. Computed from the named queries, again after
        # every write (a store stamping its state keeps the last page until it changes).
        # A national graph on Neo4j keeps the page's data at write time: a first view is
        # then one read (viz/overview_page.py served_overview_page).
        from stratgraph.viz.overview_page import served_overview_page

        store = stores.get()
        page = pages.page(store, lambda: served_overview_page(store, served=True))
        return Response(page.html, media_type="text/html; charset=utf-8",
                        headers={"content-security-policy": page.csp + "; frame-ancestors 'none'",
                                 "cache-control": "no-cache"})

    @app.get("/explore", include_in_schema=False)
    async def _explore() -> Response:
        return asset("explorer.html", "text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    async def _docs() -> Response:
        return asset("docs.html", "text/html; charset=utf-8")

    @app.get("/static/{name}", include_in_schema=False)
    async def _static(name: str) -> Response:
        media = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}
        kind = name.rpartition(".")[2]
        if kind not in media or "/" in name or name.startswith("."):
            raise NotFound("no such file")
        if name == "vis-network.min.js":
            from stratgraph.viz.page import vis_network_js

            return Response(vis_network_js(), media_type=media["js"],
                            headers={"cache-control": "max-age=86400"})
        if not (STATIC / name).is_file():
            raise NotFound("no such file")
        return asset(name, media[kind])

    # -- the API ---------------------------------------------------------------------------

    @app.get("/api/meta", tags=["graph"])
    async def get_meta() -> dict[str, Any]:
        """Plans, labels, relationship types and the named queries with their parameters."""
        return api.meta(stores.get(), read_only=config.read_only)

    @app.get("/api/search", tags=["graph"])
    async def get_search(
        q: str, label: list[str] = Query(default=[]), plan: str | None = None,
        theme: str | None = None, limit: int = Query(default=20, ge=1, le=200),
    ) -> list[dict[str, Any]]:
        """Nodes whose name or an alias matches ``q`` (typo-tolerant), best first; ``plan`` and
        ``theme`` are ids."""
        return api.search(stores.get(), q, label, plan, theme, limit)

    @app.get("/api/names", tags=["graph"])
    async def get_names(label: list[str] = Query(default=[]), q: str = "",
                        limit: int = Query(default=20, ge=1, le=200)) -> list[str]:
        """Names and aliases of the nodes with ``label`` containing ``q`` (autocomplete)."""
        return api.names(stores.get(), label, q, limit)

    @app.get("/api/themes", tags=["graph"])
    async def get_themes(plan: str) -> list[dict[str, Any]]:
        """The themes of a plan (by id)."""
        part = stores.get().neighbours(plan, ["PART_OF"], 1000)
        return sorted(({"id": n.id, "name": n.name} for n in part.nodes.values()
                       if n.label.value == "Theme"), key=lambda t: (t["name"].casefold(), t["id"]))

    @app.get("/api/node", tags=["graph"])
    async def get_node(id: str) -> dict[str, Any]:  # noqa: A002 (the API's name)
        """A node with its properties and relationship counts per type and direction."""
        return found(api.node(stores.get(), id), f"node {id!r}")

    @app.get("/api/neighbours", tags=["graph"])
    async def get_neighbours(
        id: str, type: list[str] = Query(default=[]),  # noqa: A002
        limit: int = Query(default=api.EXPAND_LIMIT, ge=1, le=2000),
    ) -> dict[str, Any]:
        """A node, its relationships of ``type`` (all when none) and the nodes they reach."""
        return found(api.neighbours(stores.get(), id, type, limit), f"node {id!r}")

    @app.get("/api/thread", tags=["graph"])
    async def get_thread(id: str) -> dict[str, Any]:  # noqa: A002
        """The golden thread through a theme, outcome, strategy or action: nodes with their
        column (``levels``: strategy, action, outcome, measure from left to right)."""
        return found(api.thread(stores.get(), id), f"node {id!r}")

    @app.get("/api/start/plan", tags=["graph"])
    async def get_start_plan(id: str) -> dict[str, Any]:  # noqa: A002
        """A plan with its themes and their outcomes."""
        return found(api.start_plan(stores.get(), id), f"plan {id!r}")

    @app.get("/api/view", tags=["graph"])
    async def get_view(id: list[str] = Query(default=[])) -> dict[str, Any]:  # noqa: A002
        """The nodes ``id`` (at most 200) and the relationships between them: a question's
        rows drawn in the picture."""
        return api.graph_json(_view_graph(stores.get(), id[:VIEW_LIMIT]))

    @app.get("/api/query/{name}", tags=["questions"])
    async def get_query(name: str, request: Request) -> dict[str, Any]:
        """Rows of a named query (``stratgraph query NAME --format json``'s rows, first 1000);
        its parameters are query-string parameters."""
        params = {k: v for k, v in request.query_params.items() if k != "token"}
        return api.query(stores.get(), name, params)

    @app.get("/api/source/node", tags=["source"])
    async def get_source_node(id: str) -> dict[str, Any]:  # noqa: A002
        """Where a node was read: document, page, line, the lines around it, rule, method."""
        from stratgraph.viz.explorer.source import source

        item = found(api.node(stores.get(), id), f"node {id!r}")
        return source(item, config.documents, config.curation)

    @app.get("/api/source/edge", tags=["source"])
    async def get_source_edge(start: str, end: str, type: str) -> dict[str, Any]:  # noqa: A002
        """Where a relationship was read (as for a node), with its method and confidence."""
        from stratgraph.viz.explorer.source import source

        part = found(api.neighbours(stores.get(), start, [type], 2000), f"node {start!r}")
        edge = next((e for e in part["edges"]
                     if e["from"] == start and e["to"] == end and e["type"] == type), None)
        return source(found(edge, "such relationship"), config.documents, config.curation)

    @app.post("/api/curation/{action}", tags=["curation"])
    async def post_curation(action: str, body: dict[str, Any] = Body(...)) -> Any:
        """Correct the reading: ``merge`` (node, other), ``rename`` (node, to), ``remove``
        (node), ``link`` (from, to, type): an entry appended to the curation file (checked as a
        build checks it) and applied to the stored graph. 403 when read-only."""
        if config.read_only:
            return JSONResponse({"error": "this explorer is read-only (--read-only)"},
                                status_code=403)
        from stratgraph.viz.explorer.edits import apply_edit

        try:
            return apply_edit(stores.get(), config.curation, action, body, config.who)
        except CurationError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    @app.post("/api/export", tags=["export"])
    async def post_export(format: str = Query(...),  # noqa: A002
                          body: dict[str, Any] = Body(...)) -> Response:
        """The nodes ``body["nodes"]`` (ids) and the relationships between them, as ``json``
        (networkx node-link), ``graphml``, ``csv`` (a zip of nodes.csv and relationships.csv)
        or ``html`` (the offline picture)."""
        graph = _view_graph(stores.get(), body.get("nodes"))
        return _export_response(graph, format)

    return app


def _refusal(request: Request, hosts: tuple[str, ...] | None) -> str | None:
    """Why a request is refused before any work (None: it is not): an unexpected Host, or a
    write sent from another site's page."""
    host = request.url.hostname or ""
    if hosts is not None and host not in hosts:
        return f"stratgraph serve: unexpected host {host!r}"
    origin = request.headers.get("origin")
    if request.method not in ("GET", "HEAD", "OPTIONS") and origin is not None:
        from urllib.parse import urlsplit

        if urlsplit(origin).netloc != request.headers.get("host"):
            return "stratgraph serve: a write from another site's page is refused"
    return None


def _view_graph(store: GraphStore, ids: Any) -> Any:
    from stratgraph.errors import ExportError
    from stratgraph.graph.data import GraphData

    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ExportError("export: nodes must be a list of node ids")
    if len(ids) > EXPORT_LIMIT:
        raise ExportError(f"export: at most {EXPORT_LIMIT} nodes")
    wanted = set(ids)
    graph = GraphData()
    for id_ in sorted(wanted):
        part = store.neighbours(id_, (), 100000)
        if id_ in part.nodes:
            graph.nodes[id_] = part.nodes[id_]
        for rel in part.relationships.values():
            if rel.start in wanted and rel.end in wanted:
                graph.relationships[rel.id] = rel
    return graph


def _export_response(graph: Any, fmt: str) -> Any:
    from stratgraph.errors import ExportError

    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from "
                          f"{', '.join(EXPORT_FORMATS)})")
    if fmt == "html":
        from stratgraph.viz.picture import html_for

        body: bytes = html_for(graph, title="stratgraph view").encode("utf-8")
        media, name = "text/html; charset=utf-8", "stratgraph-view.html"
    elif fmt == "csv":
        import tempfile
        import zipfile

        from stratgraph.graph.export_csv import write_csv_folder

        buffer = io.BytesIO()
        with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(buffer, "w") as zf:
            write_csv_folder(graph, Path(tmp))
            for path in sorted(Path(tmp).iterdir()):
                zf.write(path, path.name)
        body, media, name = buffer.getvalue(), "application/zip", "stratgraph-view-csv.zip"
    else:
        from stratgraph.graph.export import FORMATS

        text = io.StringIO()
        write = FORMATS[fmt].write
        assert write is not None
        write(graph, text)
        body = text.getvalue().encode("utf-8")
        media = "application/json" if fmt == "json" else "application/xml"
        name = f"stratgraph-view.{fmt}"
    return Response(body, media_type=media,
                    headers={"content-disposition": f'attachment; filename="{name}"'})
