/* The stratgraph picture: draws the embedded graph data with vis-network.
 *
 * Every name comes from the JSON block #graph-data and reaches the page only through
 * textContent or as canvas text: nothing from a document is ever parsed as HTML.
 * window.stratgraph exposes the network for tests and for the curious (ready: true once the
 * layout has settled and physics is off).
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var styles = data.styles;
  var byId = function (id) { return document.getElementById(id); };
  var api = { data: data, ready: false };
  window.stratgraph = api;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // ---- header -------------------------------------------------------------------------
  document.title = data.title;
  byId("title").textContent = data.title;
  byId("subtitle").textContent = data.subtitle;
  byId("counts").textContent = plural(data.nodes.length, "node") + ", " +
    plural(data.edges.length, "link");

  // ---- filter state -------------------------------------------------------------------
  var state = { labels: {}, plans: {}, themes: {}, inferred: true, captions: true, allCaptions: false };
  data.labels.forEach(function (l) { state.labels[l] = true; });
  data.plans.forEach(function (p) { state.plans[p.id] = true; });
  data.themes.forEach(function (t) { state.themes[t.id] = true; });

  function nodeVisible(n) {
    if (!state.labels[n.type]) return false;
    if (n.plans.length && !n.plans.some(function (p) { return state.plans[p]; })) return false;
    if (n.themes.length && !n.themes.some(function (t) { return state.themes[t]; })) return false;
    return true;
  }

  function edgeVisible(e) { return state.inferred || e.method !== "inferred"; }

  function captionOf(n) {
    if (state.allCaptions || (state.captions && n.showCaption)) return n.caption;
    return styles.labels[n.type].shape === "box" ? " " : "";
  }

  // ---- tooltips: DOM elements built from text ---------------------------------------------
  function row(parent, key, value) {
    if (value === undefined || value === null || value === "") return;
    var r = el("div", "tip-row");
    r.appendChild(el("b", null, key + ": "));
    r.appendChild(document.createTextNode(String(value)));
    parent.appendChild(r);
  }

  function nodeTooltip(n) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-name", n.name));
    row(box, "type", n.type);
    row(box, "plan", n.planNames.join("; "));
    row(box, "theme", n.themeNames.join("; "));
    Object.keys(n.details).forEach(function (k) { row(box, k.replace(/_/g, " "), n.details[k]); });
    row(box, "source", n.document + ", line " + n.line);
    row(box, "id", n.id);
    if (n.focus) box.appendChild(el("div", "tip-focus", "The focus of this picture"));
    if (n.orphan) box.appendChild(el("div", "tip-orphan", "Orphan action: reaches no outcome"));
    if (n.undeclaredOnly) {
      box.appendChild(el("div", "tip-note", "Supports only outcomes the plan does not declare " +
        "(objectives), so orphan-actions lists it as NO_OUTCOME"));
    }
    if (n.reasons.length) row(box, "orphan reasons", n.reasons.join(", "));
    return box;
  }

  function edgeTooltip(e) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-name", e.type));
    row(box, "from", names[e.from]);
    row(box, "to", names[e.to]);
    row(box, "method", e.method + (e.method === "inferred" ? " (confidence " + e.confidence + ")" : ""));
    row(box, "evidence", e.evidence);
    row(box, "source", e.document + ", line " + e.line);
    return box;
  }

  var names = {};
  data.nodes.forEach(function (n) { names[n.id] = n.name; });

  // ---- vis records ----------------------------------------------------------------------
  function visNode(n) {
    var s = styles.labels[n.type];
    var border = n.focus ? styles.focus.border : n.orphan ? styles.orphan.border : "#ffffff";
    var width = n.focus ? styles.focus.borderWidth : n.orphan ? styles.orphan.borderWidth : 1.5;
    var box = s.shape === "box";
    var record = {
      id: n.id,
      label: captionOf(n),
      title: nodeTooltip(n),
      shape: s.shape,
      size: n.focus ? s.size + 8 : n.orphan ? s.size + 3 : s.size,
      mass: n.type === "Plan" ? 4 : n.type === "Theme" ? 2 : 1,
      borderWidth: width,
      borderWidthSelected: Math.max(width + 1, 3),
      color: {
        background: s.color, border: border,
        highlight: { background: s.color, border: "#111111" },
        hover: { background: s.color, border: "#111111" }
      },
      font: box ? { color: "#ffffff", strokeWidth: 0, size: 14 }
        : n.type === "Plan" ? { size: 30 } : n.type === "Theme" ? { size: 20 } : { size: 14 },
      hidden: !nodeVisible(n)
    };
    // Large pictures come laid out (viz/layout.py) with physics off.
    if (n.x !== undefined) { record.x = n.x; record.y = n.y; }
    return record;
  }

  function visEdge(e) {
    var s = styles.relationships[e.type] || { color: "#888888", width: 1 };
    var m = styles.methods[e.method] || { dashes: false, opacity: 0.9 };
    return {
      id: e.id, from: e.from, to: e.to,
      title: edgeTooltip(e),
      width: s.width,
      // Short springs inside a plan, long ones across plans: each plan keeps its own cluster.
      length: e.type === "PART_OF" ? 45 : e.type === "PUBLISHED_BY" ? 160 : 110,
      dashes: m.dashes,
      color: { color: s.color, highlight: s.color, hover: s.color, opacity: m.opacity },
      hidden: !edgeVisible(e)
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  api.nodes = nodes;
  api.edges = edges;

  // ---- the network ----------------------------------------------------------------------
  var count = data.nodes.length;
  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: count <= 300 },
    // Physics settings come from Python (pyvis builds them: viz/physics.py).
    physics: data.physics,
    interaction: {
      hover: true, tooltipDelay: 120, hideEdgesOnDrag: count > 800, keyboard: false
    },
    nodes: {
      font: { face: "system-ui, DejaVu Sans, sans-serif", color: "#1d2730", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 5 } }
    },
    edges: {
      smooth: data.edges.length > 600 ? false : { type: "continuous", roundness: 0.15 },
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      selectionWidth: 1.5,
      hoverWidth: 0.5
    }
  };

  var status = byId("status");
  var network = new vis.Network(byId("graph"), { nodes: nodes, edges: edges }, options);
  api.network = network;

  function settled() {
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    status.classList.add("done");
    api.ready = true;
  }

  if (count === 0) {
    status.textContent = "Nothing to draw: the selection is empty.";
    api.ready = true;
  } else {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    if (data.physics.enabled === false) network.once("afterDrawing", settled);
    else network.once("stabilizationIterationsDone", settled);
  }

  // ---- legend and toggles ---------------------------------------------------------------
  function tally(list, key) {
    var counts = {};
    list.forEach(function (x) { counts[x[key]] = (counts[x[key]] || 0) + 1; });
    return counts;
  }

  function toggle(parent, checked, name, count, onChange, swatchColor, tip) {
    var label = el("label", "check");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    if (swatchColor) {
      var sw = el("span", "swatch");
      sw.style.background = swatchColor;
      label.appendChild(sw);
    }
    var nameEl = el("span", "name", name);
    if (tip) label.title = tip;
    label.appendChild(nameEl);
    if (count !== undefined) label.appendChild(el("span", "count", count));
    parent.appendChild(label);
    return box;
  }

  function applyFilters() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !nodeVisible(n) }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, hidden: !edgeVisible(e) }; }));
  }

  function applyCaptions() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: captionOf(n) }; }));
  }

  var labelCounts = tally(data.nodes, "type");
  data.labels.forEach(function (l) {
    toggle(byId("label-toggles"), true, l, labelCounts[l], function (on) {
      state.labels[l] = on; applyFilters();
    }, styles.labels[l].color);
  });
  if (data.focus.length > 0) {
    byId("focus-legend").hidden = false;
    byId("focus-text").textContent = "focus: " + data.focus.map(function (id) {
      return names[id];
    }).join("; ") + " (blue ring)";
  }
  if (data.orphans > 0) {
    byId("orphan-legend").hidden = false;
    byId("orphan-text").textContent = plural(data.orphans, "orphan action") + " (red ring: reaches no outcome)";
  }

  var typeCounts = tally(data.edges, "type");
  data.relationshipTypes.forEach(function (t) {
    var r = el("div", "legend-row");
    var line = el("span", "line");
    line.style.borderTopColor = (styles.relationships[t] || {}).color || "#888";
    r.appendChild(line);
    r.appendChild(el("span", "name", t));
    r.appendChild(el("span", "count", typeCounts[t]));
    byId("relationship-legend").appendChild(r);
  });
  data.methods.forEach(function (m) {
    var r = el("div", "legend-row");
    r.appendChild(el("span", "line" + (styles.methods[m].dashes ? " dashed" : "")));
    r.appendChild(el("span", "name", styles.methods[m].meaning));
    byId("method-legend").appendChild(r);
  });

  var planCounts = {};
  data.nodes.forEach(function (n) { n.plans.forEach(function (p) { planCounts[p] = (planCounts[p] || 0) + 1; }); });
  if (!data.plans.length) byId("plan-section").hidden = true;
  data.plans.forEach(function (p) {
    toggle(byId("plan-toggles"), true, p.name, planCounts[p.id], function (on) {
      state.plans[p.id] = on; applyFilters();
    }, null, p.name);
  });

  var themeCounts = {};
  data.nodes.forEach(function (n) { n.themes.forEach(function (t) { themeCounts[t] = (themeCounts[t] || 0) + 1; }); });
  if (!data.themes.length) byId("theme-section").hidden = true;
  data.themes.forEach(function (t) {
    toggle(byId("theme-toggles"), true, t.name, themeCounts[t.id], function (on) {
      state.themes[t.id] = on; applyFilters();
    }, null, t.plan ? t.name + " (" + t.plan + ")" : t.name);
  });

  Array.prototype.forEach.call(document.querySelectorAll("h2 button"), function (button) {
    button.addEventListener("click", function () {
      var on = button.className === "all";
      var group = button.getAttribute("data-target") === "plan-toggles" ? state.plans : state.themes;
      Object.keys(group).forEach(function (k) { group[k] = on; });
      Array.prototype.forEach.call(byId(button.getAttribute("data-target")).querySelectorAll("input"),
        function (box) { box.checked = on; });
      applyFilters();
    });
  });

  byId("show-captions").addEventListener("change", function (ev) {
    state.captions = ev.target.checked; applyCaptions();
  });
  byId("show-all-captions").addEventListener("change", function (ev) {
    state.allCaptions = ev.target.checked; applyCaptions();
  });
  byId("show-inferred").addEventListener("change", function (ev) {
    state.inferred = ev.target.checked; applyFilters();
  });

  // ---- search ---------------------------------------------------------------------------
  var datalist = byId("names");
  var seenNames = {};
  data.nodes.forEach(function (n) {
    if (seenNames[n.name]) return;
    seenNames[n.name] = true;
    var option = el("option");
    option.value = n.name;
    datalist.appendChild(option);
  });

  var search = { query: null, matches: [], index: -1 };

  /** Find nodes by name or id (case-insensitive; exact names first) and focus the next one. */
  function find(text) {
    var q = String(text || "").trim().toLowerCase();
    var result = byId("search-result");
    if (!q) { result.textContent = ""; return null; }
    if (q !== search.query) {
      var exact = [], partial = [];
      data.nodes.forEach(function (n) {
        var name = n.name.toLowerCase();
        if (name === q || n.id.toLowerCase() === q) exact.push(n);
        else if (name.indexOf(q) !== -1) partial.push(n);
      });
      search = { query: q, matches: exact.concat(partial), index: -1 };
    }
    if (!search.matches.length) {
      result.textContent = "No node matches \u201c" + text + "\u201d.";
      return null;
    }
    search.index = (search.index + 1) % search.matches.length;
    var n = search.matches[search.index];
    var note = nodeVisible(n) ? "" : " (hidden by the filters)";
    result.textContent = (search.index + 1) + " of " + search.matches.length + ": " +
      n.name + " (" + n.type + ")" + note;
    if (nodeVisible(n)) {
      network.selectNodes([n.id]);
      network.focus(n.id, { scale: 1.4, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
    return n.id;
  }
  api.find = find;

  byId("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    find(byId("search").value);
  });
})();
