"""The overview as one self-contained HTML page: :func:`render_overview`.

Charts are drawn by Chart.js (MIT; vendored in ``viz/static``, see its README). Chart.js over
Apache ECharts: a third of the size inlined into every page (~210 kB against ~1 MB), canvas
bar charts are all the overview needs, and each chart's numbers are plain arrays on the chart
object (``Chart.getChart(canvas).data``), which the browser tests compare with the named
queries' rows.

As in :mod:`stratgraph.viz.page`: the data sits in a JSON block with ``<``, ``>`` and ``&``
escaped, the page script puts names on the page only as text, and a Content-Security-Policy
allows only the page's own inline script and style (by hash) and no request at all. Served
(``served=True``), charts and rows link to the explorer's deep links
(``/explore#query=<name>&plan=<plan>``, ``/explore#node=<id>``); offline they open the rows
on the page itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stratgraph.viz.page import _JSON_ESCAPES, _JSON_UNSAFE, _asset, _hash, _inline_script

from stratgraph.errors import ExportError

if TYPE_CHECKING:
    from stratgraph.graph.overview import KeptPage, Overview
    from stratgraph.graph.store import GraphStore

_MARKER = re.compile(r"@@([A-Z_]+)@@")
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*\Z")


def chart_js() -> str:
    """The vendored Chart.js UMD build, without its source-map comment."""
    return _SOURCE_MAP.sub("\n", _asset("static", "chart.umd.min.js"))


def render_overview(overview: Overview, *, served: bool) -> str:
    """The overview page: offline (rows open on the page) or served beside the explorer."""
    return overview_page(overview, served=served).html


@dataclass(frozen=True, slots=True)
class OverviewPage:
    """The page and its Content-Security-Policy (a server sends the policy as a header too:
    a header policy stricter than the page's own would block its inline scripts)."""

    html: str
    csp: str


def overview_page(overview: Overview, *, served: bool) -> OverviewPage:
    """The overview page with its policy; see :func:`render_overview`."""
    from stratgraph.graph.overview import _dumps

    return _page(_dumps(overview.to_json()), served=served)


def kept_overview_page(kept: KeptPage, today: dt.date, *, served: bool) -> OverviewPage:
    """The page of an overview kept as JSON text (graph/overview.py ``KeptPage``): byte for
    byte the page :func:`overview_page` draws from the same overview on ``today``."""
    return _page(kept.json_text(today), served=served)


def served_overview_page(store: GraphStore, *, served: bool = True,
                         today: dt.date | None = None) -> OverviewPage:
    """The whole graph's overview page: the page kept at write time when the store keeps one
    for its graph as it is (a national graph on Neo4j: one read), else asked and drawn."""
    from stratgraph.graph import overview as ov

    today = today or dt.date.today()
    page = stored_overview_page(store, served=served, today=today)
    if page is not None:
        return page
    return overview_page(ov.overview(store, today=today), served=served)


def stored_overview_page(store: GraphStore, *, served: bool = True,
                         today: dt.date | None = None) -> OverviewPage | None:
    """The page kept at write time for the graph as it is (one read), or None when the store
    keeps none for it (then it is asked and drawn: :func:`served_overview_page`)."""
    from stratgraph.graph import overview as ov

    keeper = getattr(store, "kept_overview_page", None)
    kept = keeper() if keeper is not None else None
    if kept is None or kept.plans <= ov.LIVE_PLANS:
        return None
    return kept_overview_page(kept, today or dt.date.today(), served=served)


def _page(data_json: str, *, served: bool) -> OverviewPage:
    """The page around ``data_json`` (an overview's ``to_json()`` as compact JSON text)."""
    from stratgraph.graph.overview import STRATEGY_LIMIT

    scripts = {
        "CHART_JS": _inline_script(chart_js(), "Chart.js"),
        "PAGE_JS": _inline_script(_asset("static", "overview.js"), "overview script"),
    }
    css = _asset("static", "overview.css")
    if "</style" in css.lower():
        raise ExportError("overview style cannot be inlined safely")
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_hash(code) for code in scripts.values()),
        "style-src " + _hash(css),
        "img-src data:",
        # Served, a national graph's page asks a clicked bar's rows from the explorer's API.
        *(["connect-src 'self'"] if served else []),
        "base-uri 'none'",
        "form-action 'none'",
    ])
    # {**overview.to_json(), "strategy_limit": ...} as safe_json writes it, from the text.
    data = f'{data_json[:-1]},"strategy_limit":{STRATEGY_LIMIT}}}'
    values = {
        "CSP": csp,
        "PAGE_CSS": css,
        "SERVED": "true" if served else "false",
        "DATA_JSON": _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], data),
        **scripts,
    }
    # One pass over the template: text substituted in is never searched for markers again.
    return OverviewPage(_MARKER.sub(lambda m: values[m.group(1)],
                                    _asset("templates", "overview.html")), csp)


@dataclass(frozen=True, slots=True)
class Report:
    """What :func:`write_report` wrote."""

    path: Path
    overview: Overview


def write_report(
    store: GraphStore,
    output: str | Path,
    *,
    plans: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> Report:
    """Write the offline overview page of ``plans`` (all when None) to ``output``, atomically."""
    from stratgraph.graph.overview import overview
    from stratgraph.viz.picture import _write_atomically

    found = overview(store, plans=plans, today=today)
    path = _write_atomically(Path(output), render_overview(found, served=False))
    return Report(path, found)


__all__ = ["OverviewPage", "Report", "chart_js", "kept_overview_page", "overview_page",
           "render_overview", "served_overview_page", "write_report"]
