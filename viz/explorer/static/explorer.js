/* The explorer page: every name is text (textContent, canvas labels), never markup. The view
   lives in the address (#node=, #thread=, #query=NAME&param=..., #plan=, #lead=) so it can be shared. */
(function () {
  "use strict";

  var COLORS = {Plan: "#0b3c5d", Theme: "#0072b2", Outcome: "#009e73", Action: "#e69f00",
    Measure: "#56b4e9", Strategy: "#cc79a7", Partnership: "#d55e00", CabinetLead: "#7a4fa3",
    Owner: "#a3794f", Organisation: "#5f6b73"};
  var SHAPES = {Plan: "hexagon", Theme: "dot", Outcome: "diamond", Action: "dot",
    Measure: "triangle", Strategy: "square", Partnership: "triangleDown", CabinetLead: "star",
    Owner: "database", Organisation: "box"};
  var EDGE_COLORS = {PART_OF: "#a9b4bd", SUPPORTS: "#009e73", OWNS: "#7a4fa3",
    REFERENCES: "#cc79a7", MEASURED_BY: "#56b4e9", DEPENDS_ON: "#d55e00", INVOLVES: "#e69f00",
    PUBLISHED_BY: "#5f6b73"};

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function status(text, isError) {
    var s = $("status");
    s.textContent = text || "";
    s.className = isError ? "error" : "";
  }
  function short(text, n) { text = String(text); return text.length > n ? text.slice(0, n - 1) + "…" : text; }

  function api(path, params, options) {
    var url = path;
    if (params) {
      var q = new URLSearchParams();
      Object.keys(params).forEach(function (k) {
        var v = params[k];
        if (Array.isArray(v)) v.forEach(function (x) { q.append(k, x); });
        else if (v !== undefined && v !== null && v !== "") q.append(k, v);
      });
      var s = q.toString();
      if (s) url += "?" + s;
    }
    return fetch(url, options || {}).then(function (r) {
      var kind = r.headers.get("content-type") || "";
      if (kind.indexOf("application/json") < 0) {
        if (!r.ok) throw new Error(r.status + " " + r.statusText);
        return r;
      }
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error || (body.detail && JSON.stringify(body.detail)) || r.statusText);
        return body;
      });
    });
  }
  function fail(err) { status(err.message || String(err), true); }

  // -- state ---------------------------------------------------------------------------------
  var META = null;
  var records = {};        // node id -> node record from the API
  var edgeRecords = {};    // edge id -> edge record
  var hiddenLabels = {};
  var pinned = {};
  var history = [];
  var selected = null;     // node id
  var selectedEdge = null; // edge id
  var picked = null;       // node picked for merge / link
  var drawnId = null;      // the node the panel shows
  var highlighted = {};
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var network = new vis.Network($("graph"), {nodes: nodes, edges: edges}, {
    nodes: {font: {size: 13, face: "system-ui, sans-serif"}, borderWidth: 1},
    edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}}, smooth: false,
            font: {size: 9, color: "#54616c", strokeWidth: 2, align: "middle"}},
    physics: {solver: "forceAtlas2Based", stabilization: {iterations: 120},
              forceAtlas2Based: {gravitationalConstant: -60, springLength: 90}},
    interaction: {hover: true, multiselect: false}
  });
  var threadNodes = new vis.DataSet();
  var threadEdges = new vis.DataSet();
  var threadNet = null;

  function caption(rec) {
    var text = short(rec.name, 48);
    if (rec.label === "Action" && rec.props && rec.props.deadline) text += "\n⏱ " + short(rec.props.deadline, 30);
    return text;
  }
  function visNode(rec) {
    var color = COLORS[rec.label] || "#888";
    var hl = highlighted[rec.id];
    return {id: rec.id, label: caption(rec), shape: SHAPES[rec.label] || "dot",
      color: {background: color, border: hl ? "#d00000" : (rec.id === selected ? "#1f4fff" : color)},
      borderWidth: hl || rec.id === selected ? 4 : 1,
      size: rec.label === "Plan" ? 26 : rec.label === "Theme" ? 18 : 12,
      hidden: !!hiddenLabels[rec.label], fixed: !!pinned[rec.id], group: rec.label};
  }
  function visEdge(rec) {
    return {id: rec.id, from: rec.from, to: rec.to, label: rec.type,
      color: {color: EDGE_COLORS[rec.type] || "#999"},
      dashes: rec.method !== "stated", width: rec.type === "SUPPORTS" ? 2 : 1};
  }

  function snapshot() {
    history.push({nodes: nodes.getIds(), edges: edges.getIds(), pinned: Object.assign({}, pinned),
      hidden: Object.assign({}, hiddenLabels)});
    if (history.length > 50) history.shift();
  }
  function undo() {
    var last = history.pop();
    if (!last) { status("nothing to undo"); return; }
    pinned = last.pinned; hiddenLabels = last.hidden;
    var keepN = {}; last.nodes.forEach(function (i) { keepN[i] = 1; });
    var keepE = {}; last.edges.forEach(function (i) { keepE[i] = 1; });
    edges.remove(edges.getIds().filter(function (i) { return !keepE[i]; }));
    nodes.remove(nodes.getIds().filter(function (i) { return !keepN[i]; }));
    nodes.update(last.nodes.filter(function (i) { return records[i]; }).map(function (i) { return visNode(records[i]); }));
    edges.update(last.edges.filter(function (i) { return edgeRecords[i]; }).map(function (i) { return visEdge(edgeRecords[i]); }));
    drawHide();
    status("undone");
  }

  function addGraph(g) {
    g.nodes.forEach(function (n) { records[n.id] = n; });
    g.edges.forEach(function (e) { edgeRecords[e.id] = e; });
    nodes.update(g.nodes.map(visNode));
    edges.update(g.edges.filter(function (e) { return nodes.get(e.from) && nodes.get(e.to); }).map(visEdge));
    drawHide();
  }
  function refreshNode(id) { if (records[id] && nodes.get(id)) nodes.update(visNode(records[id])); }
  function dropNode(id) {
    edges.remove(edges.getIds({filter: function (e) { return e.from === id || e.to === id; }}));
    nodes.remove(id);
  }

  // -- selecting a node ------------------------------------------------------------------------
  function showNode(id, focus) {
    return api("/api/node", {id: id}).then(function (rec) {
      var prev = selected;
      selected = id; selectedEdge = null;
      records[id] = Object.assign(records[id] || {}, rec);
      if (!nodes.get(id)) { addGraph({nodes: [rec], edges: []}); }
      if (prev) refreshNode(prev);
      refreshNode(id);
      drawNode(rec);
      network.selectNodes([id]);
      if (focus) network.focus(id, {scale: 1.1, animation: false});
      tab("node");
      return rec;
    });
  }
  function drawNode(rec) {
    $("node-empty").classList.add("hidden");
    $("node-box").classList.remove("hidden");
    $("node-name").textContent = rec.name;
    $("node-meta").textContent = rec.label + " · " + rec.document + ":" + rec.line + (rec.rule ? " · rule " + rec.rule : "");
    var dl = $("node-props"); clear(dl);
    Object.keys(rec.props || {}).sort().forEach(function (k) {
      if (k === "mentions" || k === "documents") return;
      var v = rec.props[k];
      dl.appendChild(el("dt", k));
      dl.appendChild(el("dd", Array.isArray(v) ? v.join("; ") : v));
    });
    dl.appendChild(el("dt", "id")); dl.appendChild(el("dd", rec.id));
    var box = $("expand"); clear(box);
    var all = el("button", "all (" + rec.links.reduce(function (a, l) { return a + l.count; }, 0) + ")");
    all.dataset.type = "";
    all.addEventListener("click", function () { expand(rec.id, []); });
    box.appendChild(all);
    var seen = {};
    rec.links.forEach(function (l) {
      var key = l.type;
      seen[key] = (seen[key] || 0) + l.count;
    });
    Object.keys(seen).sort().forEach(function (type) {
      var b = el("button", type + " (" + seen[type] + ")");
      b.dataset.type = type;
      b.addEventListener("click", function () { expand(rec.id, [type]); });
      box.appendChild(b);
    });
    $("pin").textContent = pinned[rec.id] ? "Unpin" : "Pin";
    $("thread-btn").disabled = ["Theme", "Outcome", "Strategy", "Action"].indexOf(rec.label) < 0;
    $("edit").classList.toggle("hidden", !!(META && META.read_only));
    $("rename-to").value = rec.name;
    // Redrawn after a correction: keep saying what was written.
    if (drawnId !== rec.id) { $("edit-result").textContent = ""; setPicked(null); }
    drawnId = rec.id;
    var types = $("link-type"); clear(types);
    META.types.forEach(function (t) { var o = el("option", t); o.value = t; types.appendChild(o); });
    types.value = "SUPPORTS";
  }

  function expand(id, types) {
    status("expanding…");
    return api("/api/neighbours", {id: id, type: types}).then(function (g) {
      snapshot();
      addGraph(g);
      // A node with more links than a page shows some of them (the panel counts them all).
      status(g.more ? "showing " + g.edges.length + " of its links (counted in the panel)" : "");
      setHash({node: id});
    }).catch(fail);
  }
  function collapse(id) {
    snapshot();
    // Remove the neighbours that hang only on this node (and are not pinned).
    var conn = network.getConnectedNodes(id);
    conn.forEach(function (other) {
      if (pinned[other]) return;
      var rest = network.getConnectedNodes(other).filter(function (x) { return x !== id; });
      if (rest.length === 0) dropNode(other);
    });
  }

  // -- search ------------------------------------------------------------------------------
  var searchTimer = null;
  function runSearch() {
    var text = $("q").value.trim();
    var list = $("hits");
    if (!text) { clear(list); return Promise.resolve(); }
    return api("/api/search", {q: text, label: $("f-label").value ? [$("f-label").value] : [],
        plan: $("f-plan").value, theme: $("f-theme").value, limit: 30}).then(function (hits) {
      clear(list);
      if (!hits.length) list.appendChild(el("li", "nothing close to that", "muted"));
      hits.forEach(function (h) {
        var li = el("li"); li.dataset.id = h.id;
        var lab = el("span", h.label, "lab"); lab.style.background = COLORS[h.label] || "#888";
        li.appendChild(lab);
        li.appendChild(document.createTextNode(h.name));
        if (h.matched !== h.name) li.appendChild(el("span", " (as " + h.matched + ")", "muted"));
        li.addEventListener("click", function () { openNode(h.id); });
        list.appendChild(li);
      });
    }).catch(fail);
  }
  function openNode(id) {
    snapshot();
    return api("/api/neighbours", {id: id}).then(function (g) {
      addGraph(g);
      setHash({node: id});
      return showNode(id, true);
    }).catch(fail);
  }

  // -- golden thread -------------------------------------------------------------------------
  function showThread(id) {
    status("following the golden thread…");
    return api("/api/thread", {id: id}).then(function (t) {
      $("thread-box").classList.remove("hidden");
      var root = t.nodes.filter(function (n) { return n.id === t.root; })[0];
      $("thread-title").textContent = "Golden thread: " + (root ? short(root.name, 60) : "");
      t.nodes.forEach(function (n) { records[n.id] = records[n.id] || n; });
      t.edges.forEach(function (e) { edgeRecords[e.id] = edgeRecords[e.id] || e; });
      threadNodes.clear(); threadEdges.clear();
      threadNodes.add(t.nodes.map(function (n) {
        var v = visNode(n); v.level = t.levels[n.id]; v.fixed = false; v.hidden = false;
        v.shape = "box"; v.color = {background: "#fff", border: COLORS[n.label] || "#888"};
        v.borderWidth = n.id === t.root ? 4 : 2; v.widthConstraint = {maximum: 180};
        v.label = short(n.name, 60) + (n.label === "Action" && n.props && n.props.deadline ? "\n⏱ " + short(n.props.deadline, 30) : "");
        return v;
      }));
      threadEdges.add(t.edges.map(visEdge));
      if (!threadNet) {
        threadNet = new vis.Network($("thread"), {nodes: threadNodes, edges: threadEdges}, {
          layout: {hierarchical: {direction: "LR", sortMethod: "directed", levelSeparation: 230,
                                  nodeSpacing: 60, shakeTowards: "roots"}},
          physics: false, edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}}, smooth: false,
                                  font: {size: 9, color: "#54616c"}},
          nodes: {font: {size: 13, face: "system-ui, sans-serif", color: "#1d2730"},
                  scaling: {label: {drawThreshold: 1}}, margin: 6}
        });
        threadNet.on("click", function (p) { if (p.nodes.length) showNode(p.nodes[0], false).catch(fail); });
      } else {
        threadNet.setData({nodes: threadNodes, edges: threadEdges});
      }
      threadNet.fit();
      status("");
      setHash({thread: id});
    }).catch(fail);
  }

  // -- questions -----------------------------------------------------------------------------
  var lastRows = null;
  function drawQueryForm(name, values) {
    var spec = META.queries.filter(function (q) { return q.name === name; })[0];
    $("query-name").value = name;
    $("query-desc").textContent = spec ? spec.description : "";
    var box = $("query-params"); clear(box);
    if (!spec) return;
    spec.params.forEach(function (p) {
      var label = el("label", p.name + " ");
      var input;
      if (p.choices.length) {
        input = el("select");
        input.appendChild(el("option", ""));
        p.choices.forEach(function (c) { var o = el("option", c); o.value = c; input.appendChild(o); });
      } else {
        input = el("input");
        input.placeholder = p.description;
        if (p.labels.length) {
          var listId = "dl-" + p.name;
          input.setAttribute("list", listId);
          var dl = el("datalist"); dl.id = listId;
          label.appendChild(dl);
          input.addEventListener("input", function () {
            api("/api/names", {label: p.labels, q: input.value, limit: 20}).then(function (names) {
              clear(dl);
              names.forEach(function (n) { var o = el("option"); o.value = n; dl.appendChild(o); });
            }).catch(function () {});
          });
        }
      }
      input.name = p.name;
      input.title = p.description;
      if (values && values[p.name] !== undefined) input.value = values[p.name];
      label.appendChild(input);
      box.appendChild(label);
    });
  }
  function queryValues() {
    var out = {};
    Array.prototype.forEach.call($("query-params").querySelectorAll("input, select"), function (i) {
      if (i.value) out[i.name] = i.value;
    });
    return out;
  }
  function runQuery(name, values) {
    $("query-status").textContent = "asking…";
    return api("/api/query/" + encodeURIComponent(name), values).then(function (res) {
      lastRows = res;
      drawTable(res, null, 1);
      $("query-status").textContent = res.rows.length + " row(s)" + (res.more ? " (first " + res.rows.length + ")" : "");
      var hash = {query: name}; Object.keys(values).forEach(function (k) { hash[k] = values[k]; });
      setHash(hash);
      // Draw the rows' nodes (the first 200) and ring them.
      var before = highlighted; highlighted = {};
      var ids = [];
      res.focus.forEach(function (id) { if (id && !highlighted[id]) { highlighted[id] = 1; ids.push(id); } });
      Object.keys(before).forEach(refreshNode);
      if (!ids.length) { status(""); return; }
      return api("/api/view", {id: ids.slice(0, 200)}).then(function (g) {
        snapshot();
        addGraph(g);
        status("");
      });
    }).catch(function (err) { $("query-status").textContent = err.message; });
  }
  function drawTable(res, sortBy, dir) {
    var table = $("query-table");
    var head = table.tHead; clear(head);
    var body = table.tBodies[0]; clear(body);
    var tr = el("tr");
    res.columns.forEach(function (c) {
      var th = el("th", c + (sortBy === c ? (dir > 0 ? " ▲" : " ▼") : ""));
      th.addEventListener("click", function () { drawTable(res, c, sortBy === c ? -dir : 1); });
      tr.appendChild(th);
    });
    head.appendChild(tr);
    var order = res.rows.map(function (_, i) { return i; });
    if (sortBy) {
      order.sort(function (a, b) {
        var x = res.rows[a][sortBy], y = res.rows[b][sortBy];
        if (x === y) return a - b;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        if (typeof x === "number" && typeof y === "number") return (x - y) * dir;
        return String(x).localeCompare(String(y)) * dir;
      });
    }
    order.forEach(function (i) {
      var row = res.rows[i];
      var r = el("tr"); r.dataset.focus = res.focus[i] || "";
      res.columns.forEach(function (c) {
        var v = row[c];
        if (Array.isArray(v)) v = v.map(function (x) { return typeof x === "object" ? JSON.stringify(x) : x; }).join("; ");
        else if (v !== null && typeof v === "object") v = JSON.stringify(v);
        r.appendChild(el("td", v === null || v === undefined ? "" : v));
      });
      r.addEventListener("click", function () { if (res.focus[i]) openNode(res.focus[i]); });
      body.appendChild(r);
    });
  }

  // -- source --------------------------------------------------------------------------------
  function showSource(kind, rec) {
    var params = kind === "node" ? {id: rec.id} : {start: rec.from, end: rec.to, type: rec.type};
    return api("/api/source/" + kind, params).then(function (s) {
      tab("source");
      $("source-empty").classList.add("hidden");
      $("source-box").classList.remove("hidden");
      $("source-what").textContent = kind === "node" ? rec.name : (rec.type + ": " + (records[rec.from] || {}).name + " → " + (records[rec.to] || {}).name);
      var dl = $("source-meta"); clear(dl);
      var how = s.method || (s.curated ? "curated" : "stated");
      [["document", s.document], ["page", s.page], ["line", s.line], ["rule", s.rule],
       ["reading", how], ["confidence", s.confidence], ["curated", s.curated ? [].concat(s.curated).join("; ") : null]
      ].forEach(function (pair) {
        if (pair[1] === null || pair[1] === undefined || pair[1] === "") return;
        dl.appendChild(el("dt", pair[0])); dl.appendChild(el("dd", pair[1]));
      });
      $("source-note").textContent = s.note && s.found ? "" : s.note;
      var ol = $("source-lines"); clear(ol);
      s.lines.forEach(function (l) {
        var li = el("li", null, l.here ? "here" : "");
        li.appendChild(el("span", (l.page ? "p" + l.page + " " : "") + l.n, "n"));
        li.appendChild(document.createTextNode(l.text));
        ol.appendChild(li);
      });
    }).catch(fail);
  }

  // -- corrections ---------------------------------------------------------------------------
  function setPicked(hit) {
    picked = hit;
    $("picked").textContent = hit ? "picked: " + hit.label + " " + hit.name : "";
    $("merge").disabled = !hit;
    $("link").disabled = !hit;
  }
  function edit(action, body) {
    body.note = $("edit-note").value;
    $("edit-result").textContent = "saving…";
    return api("/api/curation/" + action, null, {method: "POST", headers: {"content-type": "application/json"},
      body: JSON.stringify(body)}).then(function (res) {
      $("edit-result").textContent = "written to " + res.file + " and applied:\n" + res.entry;
      return res;
    }).catch(function (err) { $("edit-result").textContent = err.message; throw err; });
  }
  function afterEdit(id, gone) {
    gone.forEach(dropNode);
    if (id) return api("/api/neighbours", {id: id}).then(function (g) { addGraph(g); return showNode(id, false); });
    return Promise.resolve();
  }

  // -- export --------------------------------------------------------------------------------
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function exportView(fmt) {
    var ids = nodes.getIds({filter: function (n) { return !n.hidden; }});
    if (!ids.length) { status("nothing to export: the picture is empty", true); return; }
    if (fmt === "png") {
      var canvas = $("graph").querySelector("canvas");
      canvas.toBlob(function (b) { download(b, "stratgraph-view.png"); status("PNG saved"); });
      return;
    }
    if (fmt === "svg") { download(new Blob([svgOf(ids)], {type: "image/svg+xml"}), "stratgraph-view.svg"); status("SVG saved"); return; }
    fetch("/api/export?format=" + encodeURIComponent(fmt), {method: "POST",
      headers: {"content-type": "application/json"}, body: JSON.stringify({nodes: ids})})
      .then(function (r) {
        if (!r.ok) return r.json().then(function (b) { throw new Error(b.error || r.statusText); });
        var name = (r.headers.get("content-disposition") || "").split('filename="')[1] || "stratgraph-view";
        return r.blob().then(function (b) { download(b, name.replace('"', "")); status(fmt + " saved"); });
      }).catch(fail);
  }
  function svgOf(ids) {
    var NS = "http://www.w3.org/2000/svg";
    var pos = network.getPositions(ids);
    var xs = ids.map(function (i) { return pos[i].x; }), ys = ids.map(function (i) { return pos[i].y; });
    var minX = Math.min.apply(null, xs) - 120, minY = Math.min.apply(null, ys) - 60;
    var w = Math.max.apply(null, xs) - minX + 120, h = Math.max.apply(null, ys) - minY + 60;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("xmlns", NS); svg.setAttribute("viewBox", [minX, minY, w, h].join(" "));
    svg.setAttribute("width", Math.round(w)); svg.setAttribute("height", Math.round(h));
    edges.get().forEach(function (e) {
      if (!pos[e.from] || !pos[e.to]) return;
      var line = document.createElementNS(NS, "line");
      line.setAttribute("x1", pos[e.from].x); line.setAttribute("y1", pos[e.from].y);
      line.setAttribute("x2", pos[e.to].x); line.setAttribute("y2", pos[e.to].y);
      line.setAttribute("stroke", (e.color && e.color.color) || "#999");
      svg.appendChild(line);
    });
    ids.forEach(function (i) {
      var rec = records[i]; if (!rec) return;
      var c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", pos[i].x); c.setAttribute("cy", pos[i].y); c.setAttribute("r", 8);
      c.setAttribute("fill", COLORS[rec.label] || "#888");
      svg.appendChild(c);
      var t = document.createElementNS(NS, "text");
      t.setAttribute("x", pos[i].x + 10); t.setAttribute("y", pos[i].y + 4);
      t.setAttribute("font-size", "11"); t.setAttribute("font-family", "sans-serif");
      t.textContent = short(rec.name, 60);
      svg.appendChild(t);
    });
    return new XMLSerializer().serializeToString(svg);
  }

  // -- hide labels, tabs, the address ---------------------------------------------------------
  function drawHide() {
    var box = $("hide"); clear(box);
    var counts = {};
    nodes.get().forEach(function (n) { counts[n.group] = (counts[n.group] || 0) + 1; });
    Object.keys(counts).sort().forEach(function (label) {
      var row = el("label", null, "check");
      var cb = el("input"); cb.type = "checkbox"; cb.checked = !!hiddenLabels[label]; cb.dataset.label = label;
      cb.addEventListener("change", function () {
        snapshot();
        if (cb.checked) hiddenLabels[label] = 1; else delete hiddenLabels[label];
        nodes.update(nodes.get({filter: function (n) { return n.group === label; }}).map(function (n) { return visNode(records[n.id]); }));
      });
      row.appendChild(cb);
      row.appendChild(el("span", label + " (" + counts[label] + ")"));
      box.appendChild(row);
    });
  }
  function tab(name) {
    Array.prototype.forEach.call(document.querySelectorAll(".tabs button"), function (b) {
      b.classList.toggle("on", b.dataset.tab === name);
    });
    ["node", "questions", "source"].forEach(function (t) { $("tab-" + t).classList.toggle("hidden", t !== name); });
  }
  var writingHash = false;
  function setHash(values) {
    var q = new URLSearchParams();
    Object.keys(values).forEach(function (k) { q.append(k, values[k]); });
    writingHash = true;
    history_replace("#" + q.toString());
    writingHash = false;
  }
  function history_replace(hash) { window.history.replaceState(null, "", hash); }

  function startPlan(plan) {
    var wanted = String(plan).toLowerCase();
    var found = META.plans.filter(function (p) {
      return p.id === plan || p.name.toLowerCase() === wanted || p.document.toLowerCase() === wanted;
    })[0];
    if (!found) { status("no plan named " + plan, true); return Promise.resolve(); }
    return api("/api/start/plan", {id: found.id}).then(function (g) {
      snapshot();
      addGraph(g);
      network.fit();
      setHash({plan: found.name});
      return showNode(found.id, false);
    }).catch(fail);
  }

  // A lead's portfolio: the lead and what it OWNS (themes, actions). By name (as the page
  // shows it, any case) or by id.
  function startLead(lead) {
    var wanted = String(lead).toLowerCase();
    return api("/api/search", {q: lead, label: "CabinetLead", limit: 20}).then(function (hits) {
      var hit = hits.filter(function (h) {
        return h.id === lead || h.name.toLowerCase() === wanted || h.matched.toLowerCase() === wanted;
      })[0];
      var id = hit ? hit.id : (/^cabinetlead:/.test(lead) ? lead : null);
      if (!id) { status("no lead named " + lead, true); return; }
      return api("/api/neighbours", {id: id, type: ["OWNS"]}).then(function (g) {
        snapshot();
        addGraph(g);
        network.fit();
        var me = g.nodes.filter(function (n) { return n.id === id; })[0];
        setHash({lead: me ? me.name : id});
        return showNode(id, false);
      });
    }).catch(fail);
  }

  function route() {
    var hash = window.location.hash.replace(/^#/, "");
    if (!hash) return Promise.resolve();
    var q = new URLSearchParams(hash);
    if (q.get("node")) return openNode(q.get("node"));
    if (q.get("thread")) {
      var id = q.get("thread");
      return openNode(id).then(function () { return showThread(id); });
    }
    if (q.get("query")) {
      var name = q.get("query"), values = {};
      q.forEach(function (v, k) { if (k !== "query") values[k] = v; });
      tab("questions");
      drawQueryForm(name, values);
      return runQuery(name, values);
    }
    if (q.get("plan")) {
      // "#plan=NAME" alone is a start view; with #query it is that query's parameter.
      return startPlan(q.get("plan"));
    }
    if (q.get("lead")) return startLead(q.get("lead"));
    return Promise.resolve();
  }

  // -- wiring --------------------------------------------------------------------------------
  function init() {
    return api("/api/meta").then(function (meta) {
      META = meta;
      meta.labels.forEach(function (l) { var o = el("option", l); o.value = l; $("f-label").appendChild(o); });
      meta.plans.forEach(function (p) {
        var o = el("option", p.name); o.value = p.id; $("f-plan").appendChild(o);
        var li = el("li", p.name); li.title = p.document; li.dataset.id = p.id;
        li.addEventListener("click", function () { startPlan(p.id); });
        $("plans").appendChild(li);
      });
      meta.queries.forEach(function (q) { var o = el("option", q.name); o.value = q.name; $("query-name").appendChild(o); });
      drawQueryForm(meta.queries[0].name, {});
      $("edit").classList.toggle("hidden", meta.read_only);
      return route();
    }).then(function () { document.body.dataset.ready = "1"; }, function (err) {
      fail(err); document.body.dataset.ready = "1";
    });
  }

  $("q").addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 200); });
  $("q").addEventListener("keydown", function (e) { if (e.key === "Enter") { clearTimeout(searchTimer); runSearch(); } });
  ["f-label", "f-theme"].forEach(function (id) { $(id).addEventListener("change", runSearch); });
  $("f-plan").addEventListener("change", function () {
    var sel = $("f-theme"); clear(sel); sel.appendChild(el("option", "any theme")); sel.firstChild.value = "";
    var plan = $("f-plan").value;
    (plan ? api("/api/themes", {plan: plan}) : Promise.resolve([])).then(function (themes) {
      themes.forEach(function (t) { var o = el("option", t.name); o.value = t.id; sel.appendChild(o); });
      return runSearch();
    }).catch(fail);
  });
  $("undo").addEventListener("click", undo);
  $("clear").addEventListener("click", function () { snapshot(); edges.clear(); nodes.clear(); drawHide(); });
  $("export").addEventListener("change", function () { var f = this.value; this.value = ""; if (f) exportView(f); });
  Array.prototype.forEach.call(document.querySelectorAll(".tabs button"), function (b) {
    b.addEventListener("click", function () { tab(b.dataset.tab); });
  });
  $("collapse").addEventListener("click", function () { if (selected) collapse(selected); });
  $("pin").addEventListener("click", function () {
    if (!selected) return;
    snapshot();
    if (pinned[selected]) delete pinned[selected]; else pinned[selected] = 1;
    refreshNode(selected);
    $("pin").textContent = pinned[selected] ? "Unpin" : "Pin";
  });
  $("thread-btn").addEventListener("click", function () { if (selected) showThread(selected); });
  $("thread-close").addEventListener("click", function () { $("thread-box").classList.add("hidden"); });
  $("source-btn").addEventListener("click", function () {
    if (selectedEdge) showSource("edge", edgeRecords[selectedEdge]);
    else if (selected) showSource("node", records[selected]);
  });
  $("query-name").addEventListener("change", function () { drawQueryForm(this.value, {}); });
  $("query-form").addEventListener("submit", function (e) { e.preventDefault(); runQuery($("query-name").value, queryValues()); });
  $("rename").addEventListener("click", function () {
    var id = selected;
    edit("rename", {node: id, to: $("rename-to").value}).then(function () { return afterEdit(id, []); }).catch(function () {});
  });
  $("remove").addEventListener("click", function () {
    var id = selected;
    edit("remove", {node: id}).then(function () {
      dropNode(id); selected = null;
      $("node-name").textContent = records[id].name + " (removed)";
    }).catch(function () {});
  });
  $("pick-go").addEventListener("click", function () {
    var rec = records[selected];
    api("/api/search", {q: $("pick-q").value, limit: 10}).then(function (hits) {
      var list = $("pick-hits"); clear(list);
      hits.filter(function (h) { return h.id !== selected; }).forEach(function (h) {
        var li = el("li", h.label + ": " + h.name); li.dataset.id = h.id;
        li.addEventListener("click", function () { setPicked(h); });
        list.appendChild(li);
      });
    }).catch(fail);
  });
  $("merge").addEventListener("click", function () {
    var id = selected, other = picked.id;
    edit("merge", {node: id, other: other}).then(function () { return afterEdit(id, [other]); }).catch(function () {});
  });
  $("link").addEventListener("click", function () {
    var id = selected;
    edit("link", {from: id, to: picked.id, type: $("link-type").value}).then(function () { return afterEdit(id, []); }).catch(function () {});
  });
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0], false).catch(fail); }
    else if (p.edges.length) {
      selectedEdge = p.edges[0];
      var rec = edgeRecords[selectedEdge];
      if (rec) showSource("edge", rec);
    }
  });
  // Once the layout settles, frame what is drawn (a new neighbourhood starts small).
  network.on("stabilizationIterationsDone", function () { network.fit({animation: false}); });
  network.on("doubleClick", function (p) { if (p.nodes.length) expand(p.nodes[0], []); });
  window.addEventListener("hashchange", function () { if (!writingHash) route(); });
  window.stratgraphExplorer = {nodes: nodes, edges: edges, network: network, thread: function () { return threadNet; },
    threadNodes: threadNodes, records: records};
  init();
})();
