/* The overview page: draws the Overview (graph/overview.py) with Chart.js and opens the rows
   behind a clicked bar. Every name from a plan is text: it reaches the page only through
   textContent, Chart.js labels (drawn on a canvas) and attribute values set by the DOM, never
   as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("overview-data").textContent);
  var served = document.body.getAttribute("data-served") === "true";
  if (served) {
    var explorer = document.getElementById("explorer-link");
    explorer.setAttribute("href", "/explore");
    explorer.hidden = false;
  }
  var charts = {};
  var COLORS = {
    outcome: "#2f6db5", measure: "#2a9d8f", owner: "#8a5cc2", deadline: "#e0a030",
    golden: "#c9a227", rows: "#54616c",
    NO_OUTCOME: "#d1495b", NO_MEASURE: "#edae49", NO_OWNER: "#66a182", NO_DEADLINE: "#00798c",
    NO_SUPPORT: "#d1495b",
    overdue: "#c0392b", due: "#2f6db5", undated: "#9aa5ae",
    themes: "#2f6db5", plans: "#2a9d8f", outcomes: "#e0a030",
    strategy: "#2f6db5", partnership: "#2a9d8f", theme: "#8a5cc2"
  };
  var NO_DATE = "no date";
  var opened = 0;  // tables opened so far (Chart.js handles a click on the next frame)
  var clicks = 0;  // bars clicked so far: an answer arriving after a later click is dropped

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function selectedPlan() { return document.getElementById("plan-select").value; }

  function planName(id) {
    for (var i = 0; i < data.plans.length; i++) {
      if (data.plans[i].plan_id === id) { return data.plans[i].name; }
    }
    return null;
  }

  function plansShown() {
    var id = selectedPlan();
    return id ? [planName(id)] : data.plans.map(function (p) { return p.name; });
  }

  function exploreQuery(query, plan) {
    var hash = "query=" + encodeURIComponent(query);
    if (plan !== null && plan !== undefined) { hash += "&plan=" + encodeURIComponent(plan); }
    return "/explore#" + hash;
  }

  // ":" may stand in a fragment as it is: ids read "action:1bc6..." in the address too.
  function exploreNode(id) {
    return "/explore#node=" + encodeURIComponent(id).replace(/%3A/g, ":");
  }

  function setLinks(section, links) {
    var p = document.querySelector("#" + section + " .links");
    p.textContent = "";
    if (!served) { return; }
    links.forEach(function (l) {
      var a = el("a", l.text);
      a.setAttribute("href", l.href);
      p.appendChild(a);
    });
  }

  function queryLinks(query) {
    var id = selectedPlan();
    return [{ text: "Open " + query + " in the explorer",
              href: exploreQuery(query, id ? planName(id) : null) }];
  }

  // -- the rows behind a bar ----------------------------------------------------------------

  function cell(value) {
    if (value === null || value === undefined) { return ""; }
    if (Array.isArray(value)) { return value.join(", "); }
    return String(value);
  }

  var NODE_COLUMNS = ["action_id", "outcome_id", "theme_id", "theme_a_id", "strategy_id",
                      "plan_id"];

  // The rows behind a bar: those the page carries, or (served, when the page carries fewer
  // than the query has: a national graph's page carries none) the query's rows for `params`
  // asked from the explorer's API when the bar is clicked, then kept by `keep`.
  function showRows(query, title, keep, params) {
    var table = data.tables[query];
    if (!(served && table.rows.length < table.total)) { clicks += 1; }
    if (served && table.rows.length < table.total) {
      var search = new URLSearchParams();
      Object.keys(params || {}).forEach(function (k) {
        if (params[k] !== null && params[k] !== undefined) { search.set(k, params[k]); }
      });
      var asked = ++clicks;
      fetch("/api/query/" + encodeURIComponent(query) + "?" + search.toString(), {
        headers: { accept: "application/json" }, credentials: "same-origin"
      }).then(function (r) {
        return r.ok ? r.json() : r.json().then(function (e) { throw new Error(e.error); });
      }).then(function (answer) {
        if (clicks !== asked) { return; }  // another bar was clicked meanwhile
        var rows = answer.rows.filter(keep);
        var note = rows.length + " row(s) of query " + query;
        if (answer.more) {
          note += " (from its first " + answer.rows.length + " rows asked; run: stratgraph query " +
                  query + ")";
        }
        fillRows(query, title, table.columns, rows, note);
      }).catch(function (e) {
        if (clicks === asked) {
          fillRows(query, title, table.columns, [], "could not ask query " + query + ": " + e.message);
        }
      });
      return;
    }
    var rows = table.rows.filter(keep);
    var note = rows.length + " row(s) of query " + query;
    if (table.rows.length < table.total) {
      note += " (from its first " + table.rows.length + " of " + table.total +
              " rows; run: stratgraph query " + query + ")";
    }
    fillRows(query, title, table.columns, rows, note);
  }

  function fillRows(query, title, columns, rows, note) {
    var section = document.getElementById("rows");
    section.hidden = false;
    section.setAttribute("data-query", query);
    document.getElementById("rows-title").textContent = title;
    document.getElementById("rows-note").textContent = note;
    var head = section.querySelector("thead");
    var body = section.querySelector("tbody");
    head.textContent = "";
    body.textContent = "";
    var tr = el("tr");
    columns.forEach(function (c) { tr.appendChild(el("th", c)); });
    if (served) { tr.appendChild(el("th", "picture")); }
    head.appendChild(tr);
    rows.forEach(function (row) {
      var r = el("tr");
      columns.forEach(function (c) { r.appendChild(el("td", cell(row[c]))); });
      if (served) {
        var td = el("td");
        var id = null;
        for (var i = 0; i < NODE_COLUMNS.length && !id; i++) { id = row[NODE_COLUMNS[i]] || null; }
        if (!id && query === "plan-evolution") { id = row.key; }
        if (id) {
          var a = el("a", "show");
          a.setAttribute("href", exploreNode(id));
          td.appendChild(a);
        }
        r.appendChild(td);
      }
      body.appendChild(r);
    });
    var links = document.getElementById("rows-links");
    links.textContent = "";
    if (served) {
      var a = el("a", "Open " + query + " in the explorer");
      var id = selectedPlan();
      a.setAttribute("href", exploreQuery(query, id ? planName(id) : null));
      links.appendChild(a);
    }
    opened += 1;
    section.scrollIntoView();
  }

  function onBar(chart, handler) {
    chart.options.onClick = function (event, elements) {
      if (!elements.length) { return; }
      var e = elements[0];
      handler(chart.data.labels[e.index], chart.data.datasets[e.datasetIndex], e.index);
    };
  }

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    config.options = Object.assign({
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      interaction: { mode: "nearest", intersect: true }
    }, config.options || {});
    var chart = new Chart(document.getElementById(id), config);
    charts[id] = chart;
    return chart;
  }

  function short(text) {
    text = text === null || text === undefined ? "(none)" : String(text);
    return text.length > 42 ? text.slice(0, 41) + "\u2026" : text;
  }

  function dataset(label, values, color, extra) {
    return Object.assign({ label: label, data: values, backgroundColor: color,
                           key: label }, extra || {});
  }

  // -- the charts ---------------------------------------------------------------------------

  var SHARES = [["with_outcome", "outcome"], ["with_measure", "measure"],
                ["with_owner", "owner"], ["with_deadline", "deadline"], ["golden", "golden"]];

  function drawCoverage() {
    var id = selectedPlan();
    var rows = firstPlans(data.coverage.filter(function (r) {
      return id ? (r.plan_id === id && r.theme !== null) : r.theme === null;
    }));
    var chart = draw("chart-coverage", {
      type: "bar",
      data: {
        labels: rows.map(function (r) { return id ? r.theme : r.plan; }),
        datasets: SHARES.map(function (s) {
          return dataset(s[1], rows.map(function (r) { return r[s[0]]; }), COLORS[s[1]],
                         { column: s[0] });
        })
      },
      options: {
        scales: { y: { min: 0, max: 1, ticks: { format: { style: "percent" } } },
                  x: { ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } } },
        plugins: { tooltip: { callbacks: { footer: function (items) {
          var r = rows[items[0].dataIndex];
          return r.actions + " action(s), " + r.measures + " measure(s)";
        } } } }
      }
    });
    chart.rowsShown = rows;
    onBar(chart, function (label, ds, index) {
      var r = rows[index];
      showRows("coverage", "Coverage: " + (r.theme === null ? r.plan : r.plan + " / " + r.theme),
               function (x) {
                 return x.plan_id === r.plan_id && (r.theme_id === null || x.theme_id === r.theme_id);
               }, { plan: r.plan_id });
    });
    chart.update();
    setLinks("sec-coverage", queryLinks("coverage"));
  }

  // A national graph's per-plan charts draw their first plans only, the worst first (the
  // card's note says how many of how many): at 2,000 plans, 26,000 bars took most of the
  // page's first second and a half. A chosen plan's own bars are always drawn.
  function firstPlans(rows) {
    return data.plan_limit && !selectedPlan() ? rows.slice(0, data.plan_limit) : rows;
  }

  function drawGaps(canvas, section, query, gaps, reasons) {
    // A lookup, not indexOf: every plan against every plan is 4M compares at 2,000 plans.
    var shown = new Set(plansShown());
    var rows = firstPlans(gaps.filter(function (g) { return shown.has(g.plan); }));
    var sets = [dataset("rows", rows.map(function (g) { return g.total; }), COLORS.rows,
                        { reason: null })];
    reasons.forEach(function (reason) {
      sets.push(dataset(reason, rows.map(function (g) { return g.reasons[reason] || 0; }),
                        COLORS[reason], { reason: reason }));
    });
    var chart = draw(canvas, {
      type: "bar",
      data: { labels: rows.map(function (g) { return g.plan; }), datasets: sets },
      options: { scales: { x: { ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } } } }
    });
    onBar(chart, function (label, ds) {
      showRows(query, query + ": " + label + (ds.reason ? " / " + ds.reason : ""), function (x) {
        return x.plan === label && (!ds.reason || x.reasons.indexOf(ds.reason) >= 0);
      }, { plan: label, reason: ds.reason });
    });
    chart.update();
    setLinks(section, queryLinks(query));
  }

  function drawDeadlines() {
    var names = plansShown();
    var counts = {};
    var overdue = {};
    // A national graph's overview (a note on the card) counts every plan's together.
    var together = Boolean(data.notes && data.notes.deadlines);
    data.deadlines.forEach(function (q) {
      if (!together && names.indexOf(q.plan) < 0) { return; }
      var key = q.quarter === null ? NO_DATE : q.quarter;
      counts[key] = (counts[key] || 0) + q.actions;
      overdue[key] = q.overdue;
    });
    var labels = Object.keys(counts).filter(function (k) { return k !== NO_DATE; }).sort();
    if (counts[NO_DATE]) { labels.push(NO_DATE); }
    var pick = function (want) {
      return labels.map(function (k) {
        var kind = k === NO_DATE ? "undated" : (overdue[k] ? "overdue" : "due");
        return kind === want ? counts[k] : 0;
      });
    };
    var chart = draw("chart-deadlines", {
      type: "bar",
      data: { labels: labels, datasets: [
        dataset("overdue", pick("overdue"), COLORS.overdue, { stack: "q" }),
        dataset("due", pick("due"), COLORS.due, { stack: "q" }),
        dataset(NO_DATE, pick("undated"), COLORS.undated, { stack: "q" })
      ] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
    onBar(chart, function (label) {
      showRows("deadlines", "Deadlines: " + label, function (x) {
        return (together || names.indexOf(x.plan) >= 0) &&
          (label === NO_DATE ? x.quarter === null : x.quarter === label);
      }, { plan: selectedPlan() || null });
    });
    chart.update();
    setLinks("sec-deadlines", queryLinks("deadlines"));
  }

  function drawStrategies() {
    // A national graph's page carries the strategies feeding the most outcomes, counted over
    // every plan (strategy-feeds' summary; no themes or plans): drawn whichever plan is chosen.
    if (data.strategies.length && data.strategies[0].themes === null) {
      drawFeeding();
      return;
    }
    var id = selectedPlan();
    var name = id ? planName(id) : null;
    var rows = data.strategies.filter(function (s) {
      return !name || s.plans.indexOf(name) >= 0;
    }).slice(0, data.strategy_limit);
    var chart = draw("chart-strategies", {
      type: "bar",
      data: { labels: rows.map(function (s) { return s.strategy; }), datasets: [
        dataset("themes", rows.map(function (s) { return s.themes; }), COLORS.themes),
        dataset("plans", rows.map(function (s) { return s.plans.length; }), COLORS.plans),
        dataset("outcomes", rows.map(function (s) { return s.outcomes; }), COLORS.outcomes)
      ] },
      options: { indexAxis: "y",
                 scales: { y: { ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } } } }
    });
    chart.rowsShown = rows;
    onBar(chart, function (label, ds, index) {
      var s = rows[index];
      showRows("cross-theme-dependencies", "Themes tied by " + label, function (x) {
        return x.via.indexOf(label) >= 0;
      }, { kind: "shared-strategy" });
      if (served) {
        var links = document.getElementById("rows-links");
        s.strategy_ids.forEach(function (id) {
          var a = el("a", "Show " + label + " in the explorer");
          a.setAttribute("href", exploreNode(id));
          links.appendChild(a);
        });
      }
    });
    chart.update();
    setLinks("sec-strategies", queryLinks("cross-theme-dependencies"));
  }

  function drawFeeding() {
    var rows = data.strategies;
    var chart = draw("chart-strategies", {
      type: "bar",
      data: { labels: rows.map(function (s) { return s.strategy; }), datasets: [
        dataset("outcomes", rows.map(function (s) { return s.outcomes; }), COLORS.outcomes)
      ] },
      options: { indexAxis: "y",
                 scales: { y: { ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } } } }
    });
    chart.rowsShown = rows;
    onBar(chart, function (label) {
      showRows("strategy-feeds", "Outcomes fed by " + label, function (x) {
        return x.strategy === label;
      }, { strategy: label });
    });
    chart.update();
    setLinks("sec-strategies", queryLinks("strategy-feeds"));
  }

  var KINDS = ["strategy", "partnership", "theme"];

  // A national graph's page carries the plan pairs that changed most (a plan and the next
  // plan of the same organisation), counted over every plan: drawn whichever plan is chosen.
  var PAIR_CHANGES = [["kept", "#9aa5ae"], ["dropped", "#c0392b"], ["new", "#2a9d8f"]];

  function pairLabel(c) {
    var year = function (y) { return y === null || y === undefined ? "" : " (" + y + ")"; };
    return short(c.earlier) + year(c.earlier_year) + " \u2192 " + short(c.later) +
      year(c.later_year);
  }

  function drawPairChanges() {
    var rows = data.pair_changes;
    var chart = draw("chart-changes", {
      type: "bar",
      data: { labels: rows.map(pairLabel), datasets: PAIR_CHANGES.map(function (w) {
        return dataset(w[0], rows.map(function (c) { return c[w[0]]; }), w[1],
                       { stack: "pair", change: w[0] });
      }) },
      options: { indexAxis: "y",
                 scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
                 plugins: { tooltip: { callbacks: { footer: function (items) {
                   return rows[items[0].dataIndex].organisation;
                 } } } } }
    });
    chart.rowsShown = rows;
    onBar(chart, function (label, ds, index) {
      var c = rows[index];
      showRows("plan-evolution", c.earlier + " \u2192 " + c.later + ": " + ds.change,
               function (x) {
                 var a = x.plans.indexOf(c.earlier) >= 0;
                 if (ds.change === "kept") { return a && x.plans.indexOf(c.later) >= 0; }
                 if (ds.change === "dropped") { return a && x.dropped_in.indexOf(c.later) >= 0; }
                 return !a && x.plans.indexOf(c.later) >= 0;
               }, { organisation: c.organisation });
    });
    chart.update();
    setLinks("sec-changes", queryLinks("plan-evolution"));
  }

  function drawChanges() {
    if (data.pair_changes && data.pair_changes.length) {
      drawPairChanges();
      return;
    }
    var names = plansShown();
    var plans = [];
    var by = {};
    data.changes.forEach(function (c) {
      if (names.indexOf(c.plan) < 0) { return; }
      if (plans.indexOf(c.plan) < 0) { plans.push(c.plan); }
      by[c.plan + "\u0000" + c.kind] = c;
    });
    var sets = [];
    [["new", "first named: "], ["dropped", "dropped: "]].forEach(function (what) {
      KINDS.forEach(function (kind) {
        sets.push(dataset(what[1] + kind, plans.map(function (p) {
          var c = by[p + "\u0000" + kind];
          return c ? c[what[0]] : 0;
        }), what[0] === "dropped" ? COLORS[kind] + "66" : COLORS[kind],
        { stack: what[0], change: what[0], kind: kind,
                            borderColor: what[0] === "dropped" ? "#c0392b" : COLORS[kind],
                            borderWidth: what[0] === "dropped" ? 2 : 0 }));
      });
    });
    var chart = draw("chart-changes", {
      type: "bar",
      data: { labels: plans, datasets: sets },
      options: { scales: { x: { stacked: true, ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } },
                           y: { stacked: true, beginAtZero: true } } }
    });
    onBar(chart, function (label, ds) {
      showRows("plan-evolution", label + ": " + ds.label, function (x) {
        return x.kind === ds.kind &&
          (ds.change === "new" ? x.first_plan === label : x.dropped_in.indexOf(label) >= 0);
      }, { kind: ds.kind });
    });
    chart.update();
    setLinks("sec-changes", queryLinks("plan-evolution"));
  }

  // A national graph's overview leaves out what it cannot count at once: say so on the card.
  function showNotes() {
    var notes = data.notes || {};
    Object.keys(notes).forEach(function (key) {
      var section = document.getElementById("sec-" + key);
      if (!section) { return; }
      var p = section.querySelector("p.bounded");
      if (!p) {
        p = el("p");
        p.className = "bounded";
        section.insertBefore(p, section.querySelector(".chart"));
      }
      p.textContent = notes[key];
    });
  }

  function drawAll() {
    showNotes();
    drawCoverage();
    drawGaps("chart-orphans", "sec-orphans", "orphan-actions", data.orphans,
             ["NO_OUTCOME", "NO_MEASURE", "NO_OWNER", "NO_DEADLINE"]);
    drawGaps("chart-unsupported", "sec-unsupported", "unsupported-outcomes", data.unsupported,
             ["NO_SUPPORT", "NO_MEASURE"]);
    drawDeadlines();
    drawStrategies();
    drawChanges();
    document.getElementById("rows").hidden = true;
  }

  var select = document.getElementById("plan-select");
  data.plans.forEach(function (p) {
    var o = el("option", p.name === null ? p.plan_id : p.name);
    o.value = p.plan_id;
    select.appendChild(o);
  });
  select.addEventListener("change", drawAll);
  document.getElementById("subtitle").textContent =
    data.plans.length + " plan(s); counted on " + data.today;
  document.getElementById("today").textContent = data.today;
  drawAll();
  window.stratgraphOverview = { ready: true, charts: charts, data: data,
                                opened: function () { return opened; } };
}());
