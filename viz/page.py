"""One self-contained HTML page: the template, with vis-network, the page's script and style,
and the graph data inlined, so it opens offline and asks no other host for anything.

Document text reaches the page only inside the JSON data block, with ``<``, ``>``, ``&`` and
the line separators U+2028/U+2029 escaped, so no name can close the block or start markup. A
Content-Security-Policy allows only the page's own inline scripts (by hash) and no network
requests at all, a second fence should anything slip through.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from stratgraph.errors import ExportError

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_MARKER = re.compile(r"@@([A-Z_]+)@@")
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*\Z")


def safe_json(value: Any) -> str:
    """``value`` as JSON that can sit inside an HTML ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


@cache
def _asset(folder: str, name: str) -> str:
    return resources.files("stratgraph.viz").joinpath(folder, name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """The vendored vis-network standalone build, without its source-map comment."""
    return _SOURCE_MAP.sub("\n", _asset("static", "vis-network.min.js"))


def _inline_script(code: str, what: str) -> str:
    # A script element ends at the first "</script"; "<!--" changes how it is parsed.
    lowered = code.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ExportError(f"{what} cannot be inlined safely in a <script> element")
    return code


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_page(payload: dict[str, Any]) -> str:
    """The HTML page drawing ``payload`` (see :func:`stratgraph.viz.payload.build_payload`)."""
    scripts = {
        "VIS_JS": _inline_script(vis_network_js(), "vis-network"),
        "PAGE_JS": _inline_script(_asset("static", "page.js"), "page script"),
    }
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_hash(code) for code in scripts.values()),
        # vis-network injects its stylesheet and sets element styles at run time.
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    css = _asset("static", "page.css")
    if "</style" in css.lower():
        raise ExportError("page style cannot be inlined safely")
    values = {
        "CSP": csp,
        "PAGE_CSS": css,
        "GRAPH_JSON": safe_json(payload),
        **scripts,
    }
    # One pass over the template: text substituted in is never searched for markers again.
    return _MARKER.sub(lambda m: values[m.group(1)], _asset("templates", "graph.html"))
