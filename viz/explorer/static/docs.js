/* Lists the API from /openapi.json (served by the app itself: no CDN, no Swagger UI). */
(function () {
  "use strict";
  function el(tag, text) { var e = document.createElement(tag); if (text) e.textContent = text; return e; }
  fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
    var box = document.getElementById("api-docs");
    box.appendChild(el("p", spec.info.summary || ""));
    Object.keys(spec.paths).forEach(function (path) {
      Object.keys(spec.paths[path]).forEach(function (method) {
        var op = spec.paths[path][method];
        var sec = el("section");
        sec.appendChild(el("h2", method.toUpperCase() + " " + path));
        sec.appendChild(el("p", op.description || op.summary || ""));
        var params = (op.parameters || []).map(function (p) {
          return p.name + (p.required ? " (required)" : "") + " in " + p.in;
        });
        if (op.requestBody) params.push("JSON body");
        if (params.length) sec.appendChild(el("p", "parameters: " + params.join(", ")));
        box.appendChild(sec);
      });
    });
  });
})();
