/* Declaration view: decl.html#name=NAME, rendered from the declaration's shard.
   To show another fact about a declaration, add a row to FACTS (and its key to the
   record in axiomdl/site/payload.py). */
"use strict";
(function () {
  const AX = window.AX;
  const { S, index, el, readHash, declUrl, graphUrl, shortName, statusOf, statusBadge, roleOf, record } = AX;
  const root = document.getElementById("decl");
  const POS = ["hypothesis", "conclusion", "proof"];

  function link(i) { return el("a", { href: declUrl(S.names[i]), "data-name": S.names[i] }, S.names[i]); }

  /* A list of declarations; total > shown adds "… and N more" with a graph link. */
  function names(items, opts) {
    const o = opts || {};
    if (!items || !items.length) return el("p", { class: "none" }, o.empty || "none");
    const wrap = document.createDocumentFragment();
    const ul = el("ul", { class: "names" });
    if (o.id) ul.id = o.id;
    for (const it of items) {
      const i = Array.isArray(it) ? it[0] : it;
      const li = el("li");
      li.append(link(i));
      if (o.extra) o.extra(li, it);
      ul.append(li);
    }
    wrap.append(ul);
    if (o.total && o.total > items.length) {
      const p = el("p", { class: "more" }, `… and ${o.total - items.length} more: see `);
      p.append(el("a", { href: o.graph }, "the graph view"), ".");
      wrap.append(p);
    }
    return wrap;
  }

  function section(title, body, id) {
    const s = el("section");
    s.append(el("h3", id ? { id } : null, title), body);
    return s;
  }

  function withStatus(li, i) { li.append(" ", statusBadge(statusOf(i))); }

  /* Rows of the facts table for assumptions and conjectures: [label, (rec, i) → node or null]. */
  const FACTS = [
    ["Status", (r, i) => statusBadge(statusOf(i))],
    ["Area", (r, i) => document.createTextNode(S.area[i] >= 0 ? S.areas[S.area[i]] : "not given")],
    ["Evidence", (r) => (r.meta && r.meta.evidence ? AX.markdown(r.meta.evidence, true) : document.createTextNode("not given"))],
    ["References", (r) => (r.meta && r.meta.refs ? AX.markdown(r.meta.refs, true) : document.createTextNode("not given"))],
    ["Probe", (r) => (r.meta && r.meta.probe ? el("code", null, r.meta.probe) : null)],
    ["Measured", (r) => (r.ms ? measured(r.ms) : null)],
    ["Used by", (r, i) => document.createTextNode(`${AX.usedBy(i)} theorems and discharges fall if it is dropped`)],
  ];

  function measured(ms) {
    const box = el("div", { class: "measured" + (ms.x ? " disagree" : ""), id: "measured" });
    if (ms.x) box.append(el("strong", null, "⚠ disagrees with the stated status: "));
    box.append(document.createTextNode(ms.t));
    for (const src of ms.plots || []) {
      const fig = el("figure", { class: "plot" });
      fig.append(el("img", { src, alt: "probe plot: " + ms.t, loading: "lazy" }));
      box.append(fig);
    }
    if (ms.cmd) {
      const p = el("p", { class: "cmd" }, "Reproduce: ");
      p.append(el("code", null, ms.cmd));
      box.append(p);
    }
    return box;
  }

  /* Are the requirements satisfiable together? (joint witnesses, docs/semantics.md) */
  const WITNESS_TEXT = {
    "joint": "Hypotheses jointly witnessed by",
    "single": "Its one requirement is witnessed by",
    "none-needed": "No requirement, so nothing to witness.",
    "missing": "Not witnessed: no witness shows these requirements satisfiable together.",
  };
  function witnessed(wit) {
    const box = el("div", { class: "witnessed wit-" + wit.s, id: "witnessed" });
    box.append(el("p", null, WITNESS_TEXT[wit.s] || wit.s));
    if (wit.by.length) box.append(names(wit.by));
    return box;
  }

  function facts(rec, i) {
    const dl = el("dl", { class: "facts", id: "facts" });
    for (const [label, f] of FACTS) {
      const v = f(rec, i);
      if (!v) continue;
      const dd = el("dd");
      dd.append(v);
      dl.append(el("dt", null, label), dd);
    }
    return dl;
  }

  function sourceLink(rec) {
    const where = `${rec.f}:${rec.l}–${rec.e}`;
    if (!S.repoUrl) return el("span", null, where);
    const path = rec.f.split("/").map(encodeURIComponent).join("/");
    return el("a", { href: `${S.repoUrl.replace(/\/$/, "")}/${path}#L${rec.l}-L${rec.e}`, rel: "noopener noreferrer" }, where);
  }

  function render(i, rec) {
    const name = S.names[i];
    const role = roleOf(i);
    const graph = graphUrl({ focus: name });
    const out = document.createDocumentFragment();
    out.append(el("h1", { class: "declname" }, name));
    const meta = el("p", { class: "meta" });
    meta.append(el("span", { class: "badge role-" + role }, role), el("span", { class: "badge leankind" }, "Lean " + S.kinds[S.kind[i]]));
    if (statusOf(i)) meta.append(statusBadge(statusOf(i)));
    if (S.area[i] >= 0) meta.append(el("span", { class: "badge area" }, "area: " + S.areas[S.area[i]]));
    meta.append(el("a", { class: "graphlink", href: graph }, "Show in graph"));
    out.append(meta);
    const where = el("p", { class: "where" }, "Module ");
    where.append(el("code", null, rec.m), ", ", sourceLink(rec));
    out.append(where);

    const req = S.req[i];
    if (role === "theorem" || role === "discharge" || role === "witness" || role === "separation") {
      const w = el("section", { class: "weakest", id: "weakest" });
      w.append(el("h2", null, "Weakest link"), el("p", { class: "summary", id: "weakest-summary" }, rec.w));
      if (req.length) w.append(names(req, { id: "weakest-list", extra: withStatus }));
      if (rec.wit) w.append(witnessed(rec.wit));
      out.append(w);
    }

    out.append(el("h2", null, "Statement"));
    const pre = el("pre", { class: "lean", tabindex: "0", id: "statement" });
    const code = el("code");
    code.append(AX.highlightLean(rec.s));
    pre.append(code);
    out.append(pre);
    if (rec.d) { out.append(el("h2", null, "Docstring")); out.append(AX.markdown(rec.d)); }

    if (rec.imp) {
      out.append(el("h2", null, "Evidence"), facts(rec, i));
      out.append(el("h2", { id: "impact" }, "What falls if this is dropped"));
      const cols = el("div", { class: "cols" });
      const imp = rec.imp;
      cols.append(section(`Statement (requires it): ${imp.ns || imp.s.length}`, names(imp.s, { total: imp.ns, graph, empty: "nothing" })));
      cols.append(section(`Proof only (uses it): ${imp.np || imp.p.length}`, names(imp.p, { total: imp.np, graph, empty: "nothing" })));
      cols.append(section(`Bundled by: ${imp.nb || imp.b.length}`, names(imp.b, { total: imp.nb, graph, empty: "nothing" })));
      out.append(cols);
    }

    out.append(el("h2", null, "Rests on"));
    const cols = el("div", { class: "cols" });
    const reqSet = new Set(req);
    const est = rec.est || [];
    const estSet = new Set(est);
    const reqBox = el("div", { id: "requires" });
    reqBox.append(names(req, { empty: "no assumptions", extra: withStatus }));
    cols.append(section(`Requires: ${req.length}`, reqBox));
    cols.append(section(`Establishes: ${est.length}`, names(est, { empty: "nothing" })));
    if (rec.ref) cols.append(section(`Refutes: ${rec.ref.length}`, names(rec.ref, { id: "refutes" })));
    cols.append(section(`Uses: ${rec.nuse || rec.use.length}`, names(rec.use, {
      empty: "no assumptions", total: rec.nuse, graph, id: "uses",
      extra: (li, x) => {
        if (reqSet.has(x) || estSet.has(x) || (rec.ref || []).includes(x) || x === i) return;
        li.append(" ", el("span", { class: "derived" }, "derived"), " ");
        li.append(el("a", { class: "why", href: graphUrl({ focus: name, why: S.names[x] }) }, "why?"));
      },
    })));
    out.append(cols);

    out.append(el("h2", null, "Direct edges"));
    const edges = el("div", { class: "cols" });
    const pos = (li, it) => li.append(" ", el("span", { class: "edge edge-" + POS[it[1]] }, POS[it[1]]));
    edges.append(section(`Uses directly: ${rec.nout || rec.out.length}`, names(rec.out, { total: rec.nout, graph, extra: pos, empty: "nothing" })));
    edges.append(section(`Used directly by: ${rec.nin || rec.in.length}`, names(rec.in, { total: rec.nin, graph, extra: pos, empty: "nothing" })));
    out.append(edges);
    root.replaceChildren(out);
    document.title = `${shortName(name)} · ${S.title} · axiomdl explorer`;
  }

  function notFound(name) {
    const p = el("p", { class: "none", id: "not-found" }, name ? `No declaration named ${name}. ` : "No declaration given. ");
    p.append(el("a", { href: "index.html" + (name ? AX.hashOf({ q: shortName(name) }) : "") }, "Search the index"), ".");
    root.replaceChildren(el("h1", null, "Declaration not found"), p);
  }

  function show() {
    const name = readHash().name || "";
    document.body.removeAttribute("data-ready");
    if (!index.has(name)) { notFound(name); document.body.dataset.ready = "1"; return Promise.resolve(); }
    const i = index.get(name);
    return record(i).then((rec) => { render(i, rec); window.scrollTo(0, 0); })
      .catch((e) => { root.replaceChildren(el("p", { class: "none" }, String(e.message || e))); })
      .finally(() => { window.axiomdlReadyMs = performance.now(); document.body.dataset.ready = "1"; });
  }

  window.addEventListener("hashchange", show);
  window.axiomdlDecl = { show(name) { history.replaceState(null, "", AX.hashOf({ name })); return show(); } };
  show();
})();
