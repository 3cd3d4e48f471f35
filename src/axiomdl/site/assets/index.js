/* Index: search over names and docstrings, filters by kind/area/status, state in the URL. */
"use strict";
(function () {
  const { S, el, readHash, hashOf, pageOf } = window.AX;
  const LIMIT = 200;
  const lowerNames = S.names.map((n) => n.toLowerCase());
  const lowerDocs = S.doc.map((d) => d.toLowerCase());
  const q = document.getElementById("q");
  const kind = document.getElementById("kind");
  const area = document.getElementById("area");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const count = document.getElementById("count");

  function selectValue(sel, v) {
    sel.value = [...sel.options].some((o) => o.value === v) ? v : "";
  }

  function fromHash() {
    const h = readHash();
    q.value = h.q || "";
    selectValue(kind, h.kind || "");
    selectValue(area, h.area || "");
    selectValue(status, h.status || "");
  }

  function matches() {
    const terms = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    const r = kind.value ? S.roles.indexOf(kind.value) : -1;
    const a = area.value ? S.areas.indexOf(area.value) : -2;
    const s = status.value ? S.statuses.indexOf(status.value) : -2;
    const hits = [];
    for (let i = 0; i < S.names.length; i++) {
      if (r >= 0 && S.role[i] !== r) continue;
      if (a !== -2 && S.area[i] !== a) continue;
      if (s !== -2 && S.status[i] !== s) continue;
      let score = 0;
      let ok = true;
      for (const t of terms) {
        if (lowerNames[i].includes(t)) score += lowerNames[i].endsWith(t) ? 3 : 2;
        else if (lowerDocs[i].includes(t)) score += 1;
        else { ok = false; break; }
      }
      if (ok) hits.push([score, i]);
    }
    hits.sort((x, y) => y[0] - x[0] || (S.names[x[1]] < S.names[y[1]] ? -1 : 1));
    return hits.map((h) => h[1]);
  }

  function show() {
    const hits = matches();
    results.replaceChildren();
    const frag = document.createDocumentFragment();
    for (const i of hits.slice(0, LIMIT)) {
      const li = el("li", { class: "result" });
      const role = S.roles[S.role[i]];
      li.append(el("a", { href: pageOf(i), class: "name" }, S.names[i]), " ");
      li.append(el("span", { class: "badge role-" + role }, role), " ");
      if (S.area[i] >= 0) li.append(el("span", { class: "badge area" }, S.areas[S.area[i]]), " ");
      if (S.status[i] >= 0) {
        const st = S.statuses[S.status[i]];
        li.append(el("span", { class: "status status-" + st.replace(/[^a-z-]/g, "") }, st), " ");
      }
      li.append(el("a", { href: "graph.html" + hashOf({ focus: S.names[i] }), class: "graphlink" }, "graph"));
      if (S.doc[i]) li.append(el("p", { class: "snippet" }, S.doc[i]));
      frag.append(li);
    }
    results.append(frag);
    count.textContent = hits.length > LIMIT
      ? `${hits.length} matches (first ${LIMIT} shown)`
      : `${hits.length} match${hits.length === 1 ? "" : "es"}`;
  }

  function toHash() {
    const h = hashOf({ q: q.value, kind: kind.value, area: area.value, status: status.value });
    history.replaceState(null, "", h === "#" ? window.location.pathname : h);
    show();
  }

  document.getElementById("filters").addEventListener("submit", (e) => e.preventDefault());
  q.addEventListener("input", toHash);
  for (const s of [kind, area, status]) s.addEventListener("change", toHash);
  window.addEventListener("hashchange", () => { fromHash(); show(); });
  fromHash();
  show();
  document.body.dataset.ready = "1";
})();
