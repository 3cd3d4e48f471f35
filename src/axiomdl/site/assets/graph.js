/* Graph view: a focus declaration, its neighbourhood to a chosen depth in either direction,
   statement vs proof edges, derived assumptions, and a highlighted `why` path.
   The whole view lives in the URL hash, so any view can be shared or reloaded. */
"use strict";
(function () {
  const { S, index, el, readHash, hashOf, pageOf, shortName, ROLE_COLOUR, STATUS_COLOUR } = window.AX;
  const N = S.names.length;
  const HYP = 0, CONCL = 1, PROOF = 2;
  const WRAP = 30, COL_W = 280, SUB_W = 230, ROW_H = 110;

  // Adjacency, built once: out[i] = what i uses, inn[i] = what uses i (flat [node, code] pairs).
  const out = Array.from({ length: N }, () => []);
  const inn = Array.from({ length: N }, () => []);
  for (let k = 0; k < S.edges.length; k += 3) {
    const u = S.edges[k], v = S.edges[k + 1], c = S.edges[k + 2];
    out[u].push(v, c);
    inn[v].push(u, c);
  }

  const $ = (id) => document.getElementById(id);
  const container = $("graph");
  const info = $("info");
  const statusEl = $("status");
  const depthSel = $("depth"), dirSel = $("dir"), whySel = $("why"), focusInput = $("focus-input");
  const hideBoxes = [...document.querySelectorAll('input[name="hide"]')];
  container.setAttribute("tabindex", "0");

  const list = $("all-names");
  const frag = document.createDocumentFragment();
  for (const n of S.names) frag.append(el("option", { value: n }));
  list.append(frag);

  const network = new vis.Network(container, { nodes: [], edges: [] }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: { font: { face: "system-ui, sans-serif", size: 14, color: "#111" }, borderWidth: 1, shapeProperties: { interpolation: false } },
    edges: { smooth: false, selectionWidth: 1, hoverWidth: 0 },
    interaction: { hover: false, hideEdgesOnDrag: true, hideEdgesOnZoom: true, keyboard: { enabled: true, bindToWindow: false }, tooltipDelay: 300, multiselect: false },
  });

  let drawWaiters = [];
  network.on("afterDrawing", () => { const w = drawWaiters; drawWaiters = []; w.forEach((f) => f()); });
  function nextDraw() { return new Promise((res) => drawWaiters.push(res)); }

  function state() {
    const h = readHash();
    return {
      focus: h.focus && index.has(h.focus) ? h.focus : "",
      depth: h.depth === "all" || /^[1-9][0-9]?$/.test(h.depth || "") ? h.depth : "2",
      dir: ["both", "down", "up"].includes(h.dir) ? h.dir : "both",
      hide: (h.hide || "").split(",").filter((r) => S.roles.includes(r)),
      why: h.why && index.has(h.why) ? h.why : "",
    };
  }

  function go(patch, replace) {
    const st = Object.assign(state(), patch);
    const h = hashOf({ focus: st.focus, depth: st.depth === "2" ? "" : st.depth, dir: st.dir === "both" ? "" : st.dir, hide: st.hide.join(","), why: st.why });
    if (replace) { history.replaceState(null, "", h); render(); }
    else if (h !== window.location.hash) window.location.hash = h;
    else render();
  }

  function bfs(start, adj, limit, seen) {
    let frontier = [start];
    for (let d = 0; frontier.length && d < limit; d++) {
      const next = [];
      for (const u of frontier) {
        const a = adj[u];
        for (let k = 0; k < a.length; k += 2) {
          const v = a[k];
          if (!seen.has(v)) { seen.add(v); next.push(v); }
        }
      }
      frontier = next;
    }
  }

  function whyPath(src, dst) {
    if (src === dst) return [src];
    const prev = new Map([[src, -1]]);
    let frontier = [src];
    while (frontier.length) {
      const next = [];
      for (const u of frontier) {
        const a = out[u];
        for (let k = 0; k < a.length; k += 2) {
          const v = a[k];
          if (prev.has(v)) continue;
          prev.set(v, u);
          if (v === dst) {
            const path = [v];
            for (let w = u; w !== -1; w = prev.get(w)) path.push(w);
            return path.reverse();
          }
          next.push(v);
        }
      }
      frontier = next;
    }
    return [];
  }

  function visible(st) {
    const hidden = new Set(st.hide.map((r) => S.roles.indexOf(r)));
    const seen = new Set();
    let f = -1;
    if (!st.focus) {
      for (let i = 0; i < N; i++) if (!hidden.has(S.role[i])) seen.add(i);
    } else {
      f = index.get(st.focus);
      const limit = st.depth === "all" ? Infinity : Number(st.depth);
      seen.add(f);
      if (st.dir !== "up") bfs(f, out, limit, seen);
      if (st.dir !== "down") { const up = new Set([f]); bfs(f, inn, limit, up); up.forEach((x) => seen.add(x)); }
      for (const i of [...seen]) if (i !== f && hidden.has(S.role[i])) seen.delete(i);
    }
    let path = [];
    if (f >= 0 && st.why) {
      path = whyPath(f, index.get(st.why));
      path.forEach((x) => seen.add(x));
    }
    return { f, seen, path };
  }

  function layout(ids) {
    const cols = new Map();
    for (const i of ids) {
      const l = S.level[i];
      if (!cols.has(l)) cols.set(l, []);
      cols.get(l).push(i);
    }
    const pos = new Map();
    let x = 0;
    for (const l of [...cols.keys()].sort((a, b) => a - b)) {
      const col = cols.get(l).sort((a, b) => (S.names[a] < S.names[b] ? -1 : 1));
      const subs = Math.ceil(col.length / WRAP);
      const rows = Math.min(col.length, WRAP);
      col.forEach((i, k) => {
        pos.set(i, { x: x + Math.floor(k / WRAP) * SUB_W, y: ((k % WRAP) - (rows - 1) / 2) * ROW_H });
      });
      x += COL_W + (subs - 1) * SUB_W;
    }
    return pos;
  }

  function nodeLabel(i, derived, required) {
    const role = S.roles[S.role[i]];
    let second = role;
    if (S.status[i] >= 0) second += " · " + S.statuses[S.status[i]];
    if (derived) second += " · derived";
    else if (required) second += " · required";
    return shortName(S.names[i]) + "\n" + second;
  }

  function render() {
    const st = state();
    depthSel.value = st.depth;
    dirSel.value = st.dir;
    hideBoxes.forEach((b) => { b.checked = st.hide.includes(b.value); });
    focusInput.value = st.focus;
    const { f, seen, path } = visible(st);
    const ids = [...seen];
    const many = ids.length > 400;
    const req = new Set(f >= 0 ? S.req[f] : []);
    const derived = new Set(f >= 0 ? S.use[f].filter((x) => !req.has(x) && x !== f) : []);
    const onPath = new Set(path);
    const pathEdges = new Set();
    for (let k = 0; k + 1 < path.length; k++) pathEdges.add(path[k] + ">" + path[k + 1]);
    const pos = layout(ids);
    const nodes = ids.map((i) => {
      const role = S.roles[S.role[i]];
      const stc = S.status[i] >= 0 ? STATUS_COLOUR[S.statuses[S.status[i]]] : null;
      const isDerived = derived.has(i);
      const p = pos.get(i);
      const node = {
        id: i, x: p.x, y: p.y,
        label: nodeLabel(i, isDerived, req.has(i)),
        shape: many ? "dot" : "box",
        color: { background: ROLE_COLOUR[role] || "#fff", border: i === f ? "#000" : onPath.has(i) ? "#0072B2" : stc || "#555",
                 highlight: { background: ROLE_COLOUR[role] || "#fff", border: "#000" } },
        borderWidth: i === f ? 4 : onPath.has(i) ? 3 : stc ? 2 : 1,
        shapeProperties: { borderDashes: isDerived ? [5, 4] : false },
        font: { size: i === f ? 20 : 17 },
      };
      if (many) node.size = 7;
      return node;
    });
    const edges = [];
    for (const u of ids) {
      const a = out[u];
      for (let k = 0; k < a.length; k += 2) {
        const v = a[k];
        if (!seen.has(v)) continue;
        edges.push({ from: u, to: v, c: a[k + 1] });
      }
    }
    const fewEdges = edges.length <= 1500;
    const visEdges = edges.map((e, k) => {
      const hot = pathEdges.has(e.from + ">" + e.to);
      const proof = e.c === PROOF;
      return {
        id: k, from: e.from, to: e.to,
        arrows: { to: { enabled: fewEdges, scaleFactor: 0.5 } },
        dashes: proof && fewEdges ? [6, 4] : false,
        width: hot ? 4 : 1,
        color: { color: hot ? "#0072B2" : proof ? "#D55E00" : "#444", opacity: hot ? 1 : 0.7 },
      };
    });
    network.setData({ nodes, edges: visEdges });
    network.fit({ animation: false });
    panel(st, f, ids.length, visEdges.length, req, derived, path);
    const asked = readHash().focus;
    const unknown = asked && !index.has(asked) ? `No declaration named ${asked}. ` : "";
    statusEl.textContent = unknown + `${ids.length} declarations, ${visEdges.length} edges shown` +
      (st.focus ? ` around ${st.focus} (depth ${st.depth}, ${dirSel.options[dirSel.selectedIndex].text})` : " (whole graph: pick a focus to narrow it)");
    document.title = (st.focus ? shortName(st.focus) + " · " : "") + "Graph · axiomdl explorer";
    document.body.dataset.ready = "1";
  }

  function focusLink(name, text) {
    const st = state();
    const a = el("a", { href: "graph.html" + hashOf({ focus: name, depth: st.depth === "2" ? "" : st.depth, dir: st.dir === "both" ? "" : st.dir, hide: st.hide.join(",") }), "data-name": name }, text || name);
    return a;
  }

  function nameList(title, items, id, extra) {
    const sec = el("section");
    sec.append(el("h3", null, `${title} (${items.length})`));
    if (!items.length) { sec.append(el("p", { class: "none" }, "none")); return sec; }
    const ul = el("ul", { class: "names", id });
    for (const i of items.slice(0, 300)) {
      const li = el("li");
      li.append(focusLink(S.names[i]));
      if (extra) extra(li, i);
      ul.append(li);
    }
    sec.append(ul);
    if (items.length > 300) sec.append(el("p", null, `… and ${items.length - 300} more`));
    return sec;
  }

  function panel(st, f, nNodes, nEdges, req, derived, path) {
    info.replaceChildren();
    whySel.replaceChildren(el("option", { value: "" }, "(choose an assumption)"));
    if (f < 0) {
      info.append(el("p", null, "No focus: the whole graph is shown. Click a node or type a name above."));
      return;
    }
    const role = S.roles[S.role[f]];
    const h = el("h2", { id: "focus-name" });
    h.append(el("a", { href: pageOf(f) }, S.names[f]));
    info.append(h);
    const meta = el("p");
    meta.append(el("span", { class: "badge role-" + role }, role));
    if (S.status[f] >= 0) { const s = S.statuses[S.status[f]]; meta.append(" ", el("span", { class: "status status-" + s.replace(/[^a-z-]/g, "") }, s)); }
    info.append(meta);
    for (const x of S.use[f]) {
      const o = el("option", { value: S.names[x] }, S.names[x] + (derived.has(x) ? " (derived)" : ""));
      whySel.append(o);
    }
    whySel.value = st.why;
    if (st.why) {
      const p = el("p", { id: "why-path" });
      if (path.length) {
        p.append(el("strong", null, "Why: "));
        path.forEach((x, k) => { if (k) p.append(" → "); p.append(focusLink(S.names[x], shortName(S.names[x]))); });
      } else p.textContent = `No path from ${st.focus} to ${st.why}.`;
      info.append(p);
    }
    info.append(nameList("Requires", S.req[f], "requires-list"));
    info.append(nameList("Establishes", S.est[f], "establishes-list"));
    info.append(nameList("Uses", S.use[f], "uses-list", (li, i) => {
      if (derived.has(i)) {
        li.append(" ", el("span", { class: "derived" }, "derived"), " ");
        li.append(el("a", { href: "graph.html" + hashOf({ focus: st.focus, depth: st.depth === "2" ? "" : st.depth, dir: st.dir === "both" ? "" : st.dir, why: S.names[i] }), class: "why" }, "why?"));
      }
    }));
    const users = [];
    for (let k = 0; k < inn[f].length; k += 2) users.push(inn[f][k]);
    users.sort((a, b) => (S.names[a] < S.names[b] ? -1 : 1));
    info.append(nameList("Used directly by", users, "users-list"));
  }

  network.on("click", (e) => {
    if (e.nodes && e.nodes.length) go({ focus: S.names[e.nodes[0]], why: "" });
  });
  depthSel.addEventListener("change", () => go({ depth: depthSel.value }));
  dirSel.addEventListener("change", () => go({ dir: dirSel.value }));
  whySel.addEventListener("change", () => go({ why: whySel.value }));
  hideBoxes.forEach((b) => b.addEventListener("change", () => go({ hide: hideBoxes.filter((x) => x.checked).map((x) => x.value) })));
  function goInput() {
    const v = focusInput.value.trim();
    if (index.has(v)) { go({ focus: v, why: "" }); return; }
    const hit = S.names.find((n) => n.endsWith("." + v));
    if (hit) go({ focus: hit, why: "" });
    else statusEl.textContent = `No declaration named ${v}.`;
  }
  $("focus-go").addEventListener("click", goInput);
  focusInput.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); goInput(); } });
  $("controls").addEventListener("submit", (e) => e.preventDefault());
  window.addEventListener("hashchange", render);

  // For tests and the benchmark: change focus and resolve once the canvas has drawn.
  window.axiomdlGraph = {
    focus(name) { const p = nextDraw(); go({ focus: name, why: "" }); return p; },
    network,
  };
  render();
})();
