"""Clicking the overview page's Chart.js bars in Chromium, as a user does (the browser tests)."""

from __future__ import annotations

from typing import Any


def click_bar(page: Any, canvas: str, dataset: str | int, at: str | int, *, timeout: int = 30_000) -> None:
    """Click the bar of ``dataset`` (its label, or its index) at ``at`` (a label, or an index
    into the chart's labels) where Chart.js drew it, and wait until the page has opened it."""
    point = page.evaluate(
        """([id, ds, at]) => { const c = Chart.getChart(id);
            const i = typeof ds === 'number' ? ds : c.data.datasets.findIndex(d => d.label === ds);
            const j = typeof at === 'number' ? at : c.data.labels.indexOf(at);
            const bar = c.getDatasetMeta(i).data[j];
            const p = bar.getCenterPoint();  // CSS pixels inside the canvas
            c.canvas.scrollIntoView();
            const box = c.canvas.getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y}; }""",
        [canvas, dataset, at])
    before = page.evaluate("() => stratgraphOverview.opened()")
    page.mouse.click(point["x"], point["y"])
    # Chart.js handles the click on the next animation frame.
    page.wait_for_function("(n) => stratgraphOverview.opened() > n", arg=before, timeout=timeout)
