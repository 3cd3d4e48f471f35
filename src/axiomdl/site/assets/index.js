/* Index: ranked search over names and docstrings, filters by kind/area/status and
   "rests only on established assumptions", all kept in the URL. */
"use strict";
(function () {
  const { S, el, readHash, hashOf, declUrl, graphUrl, statusOf, statusClass, roleOf } = window.AX;
  const LIMIT = 200;
  const RESULTS = new Set(["theorem", "discharge", "witness", "separation"].map((r) => S.roles.indexOf(r)));
  const HYPS = new Set(["assumption", "conjecture"].map((r) => S.roles.indexOf(r)));
  // weakness code (see axiomdl.weakest.weakness) → how the result list names it
  const WEAK = ["requires no assumption", "only established", "weakest: plausible",
    "weakest: contested", "weakest: refuted-in-regime", "weakest: no status"];
  const lowerNames = S.names.map((n) => n.toLowerCase());
  const shorts = S.names.map((n) => { const k = n.lastIndexOf("."); return k >= 0 && !n.startsWith("example@") ? n.slice(k + 1) : n; });
  const lowerShorts = shorts.map((n) => n.toLowerCase());
  const lowerDocs = S.doc.map((d) => d.toLowerCase());
  let acronyms = null; // built on first search: capitals and digits of the short name ("PL")
  const $ = (id) => document.getElementById(id);
  const q = $("q"), kind = $("kind"), area = $("area"), status = $("status"), est = $("established");
  const results = $("results"), count = $("count");

  function selectValue(sel, v) {
    sel.value = [...sel.options].some((o) => o.value === v) ? v : "";
  }

  function fromHash() {
    const h = readHash();
    q.value = h.q || "";
    selectValue(kind, h.kind || "");
    selectValue(area, h.area || "");
    selectValue(status, h.status || "");
    est.checked = h.established === "1";
  }

  /* How well one term matches declaration i: exact > acronym > prefix > word start >
     anywhere in the name > docstring; 0 = no match. */
  function termScore(i, t, raw) {
    const s = lowerShorts[i];
    if (shorts[i] === raw || S.names[i] === raw) return 100;
    if (acronyms[i] === raw) return 97;
    if (s === t || lowerNames[i] === t) return 95;
    if (acronyms[i].toLowerCase() === t) return 90;
    if (s.startsWith(t)) return 80;
    if (lowerNames[i].startsWith(t)) return 75;
    if (acronyms[i].toLowerCase().startsWith(t)) return 60;
    const k = s.indexOf(t);
    if (k > 0 && /[A-Z_.]/.test(shorts[i][k])) return 50;
    if (lowerNames[i].includes(t)) return 30;
    if (lowerDocs[i].includes(t)) return 10;
    return 0;
  }

  function matches() {
    const raws = q.value.split(/\s+/).filter(Boolean);
    const terms = raws.map((t) => t.toLowerCase());
    if (terms.length && !acronyms) acronyms = shorts.map((n) => n.replace(/[^A-Z0-9]/g, ""));
    const r = kind.value ? S.roles.indexOf(kind.value) : -1;
    const a = area.value ? S.areas.indexOf(area.value) : -2;
    const s = status.value ? S.statuses.indexOf(status.value) : -2;
    const onlyEst = est.checked;
    const hits = [];
    for (let i = 0; i < S.names.length; i++) {
      if (r >= 0 && S.role[i] !== r) continue;
      if (a !== -2 && S.area[i] !== a) continue;
      if (s !== -2 && S.status[i] !== s) continue;
      if (onlyEst && !(RESULTS.has(S.role[i]) && S.weak[i] <= 1)) continue;
      let score = 0;
      let ok = true;
      for (let k = 0; k < terms.length; k++) {
        const v = termScore(i, terms[k], raws[k]);
        if (!v) { ok = false; break; }
        score += v;
      }
      if (ok) hits.push([score, HYPS.has(S.role[i]) ? 1 : 0, i]);
    }
    hits.sort((x, y) => y[0] - x[0] || y[1] - x[1] ||
      S.names[x[2]].length - S.names[y[2]].length || (S.names[x[2]] < S.names[y[2]] ? -1 : 1));
    return hits.map((h) => h[2]);
  }

  function show() {
    const hits = matches();
    results.replaceChildren();
    const frag = document.createDocumentFragment();
    for (const i of hits.slice(0, LIMIT)) {
      const li = el("li", { class: "result" });
      const role = roleOf(i);
      li.append(el("a", { href: declUrl(S.names[i]), class: "name" }, S.names[i]), " ");
      li.append(el("span", { class: "badge role-" + role }, role), " ");
      if (S.area[i] >= 0) li.append(el("span", { class: "badge area" }, S.areas[S.area[i]]), " ");
      const st = statusOf(i);
      if (st) li.append(el("span", { class: "status " + statusClass(st) }, st), " ");
      if (RESULTS.has(S.role[i])) li.append(el("span", { class: "weak weak-" + S.weak[i] }, WEAK[S.weak[i]]), " ");
      li.append(el("a", { href: graphUrl({ focus: S.names[i] }), class: "graphlink" }, "graph"));
      if (S.doc[i]) li.append(el("p", { class: "snippet" }, S.doc[i]));
      frag.append(li);
    }
    results.append(frag);
    count.textContent = hits.length > LIMIT
      ? `${hits.length} matches (first ${LIMIT} shown)`
      : `${hits.length} match${hits.length === 1 ? "" : "es"}`;
  }

  function toHash() {
    const h = hashOf({ q: q.value, kind: kind.value, area: area.value, status: status.value, established: est.checked ? "1" : "" });
    history.replaceState(null, "", h || window.location.pathname);
    show();
  }

  $("filters").addEventListener("submit", (e) => e.preventDefault());
  q.addEventListener("input", toHash);
  for (const x of [kind, area, status, est]) x.addEventListener("change", toHash);
  window.addEventListener("hashchange", () => { fromHash(); show(); });
  fromHash();
  show();
  window.axiomdlReadyMs = performance.now();
  document.body.dataset.ready = "1";
})();
