/* Graph page. Three views, each with its own URL:
   - the assumption map (default): assumptions and conjectures grouped by area, coloured by
     status, sized by how many results require them, with "A implies B" discharge arrows;
   - a focused graph (#focus=NAME): a layered dagre layout, the focus on top and what it
     rests on below, edges beyond the focus faint;
   - the whole graph (#view=all), only for small projects and never the default.
   Drawn as SVG, so labels stay text: every label is at least 11 px at the starting zoom. */
"use strict";
(function () {
  const AX = window.AX;
  const { S, index, el, readHash, hashOf, declUrl, shortName, abbreviate, statusOf, statusBadge, roleOf } = AX;
  const N = S.names.length;
  const NS = "http://www.w3.org/2000/svg";
  const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
  const MIN_LABEL_PX = 11, SMALL_FONT = 12, NAME_FONT = 13;
  const MIN_SCALE = MIN_LABEL_PX / SMALL_FONT; // the smallest label stays ≥ 11 px on screen
  const MAX_MAP = 400, MAX_FOCUS_NODES = 200, MAX_WHOLE = 800, MAX_RESTING = 40;
  const HEAD = 26, GAP = 8, BAND = HEAD + GAP; // map band: title height, space below
  const RESULT_ROLES = new Set(["theorem", "discharge", "witness", "separation"]);
  const PROOF = 2;

  const $ = (id) => document.getElementById(id);
  const svg = $("svg"), canvas = $("canvas"), info = $("info"), statusEl = $("status");
  const depthSel = $("depth"), dirSel = $("dir"), whySel = $("why"), focusInput = $("focus-input");
  const restsSel = $("rests");
  const hideBoxes = [...document.querySelectorAll('input[name="hide"]')];

  /* ---- adjacency (built on first use: the map does not need it) ---- */
  let out = null, inn = null;
  function adjacency() {
    if (out) return;
    out = Array.from({ length: N }, () => []);
    inn = Array.from({ length: N }, () => []);
    const E = window.AXIOMDL_EDGES || [];
    for (let k = 0; k < E.length; k += 3) {
      out[E[k]].push(E[k + 1], E[k + 2]);
      inn[E[k + 1]].push(E[k], E[k + 2]);
    }
  }

  /* ---- text measurement (canvas, same font as the SVG) ---- */
  const ctx = document.createElement("canvas").getContext("2d");
  function textWidth(text, size, bold) {
    ctx.font = `${bold ? "600 " : ""}${size}px ${FONT}`;
    return ctx.measureText(text).width;
  }

  /* ---- SVG drawing, pan and zoom ---- */
  function s(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  let viewport = null, box = { w: 0, h: 0 }, view = { x: 0, y: 0, k: 1 };
  function applyView() { if (viewport) viewport.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`); }

  function defs() {
    const d = s("defs");
    for (const [id, colour] of [["arrow", "#333"], ["arrow-faint", "#999"], ["arrow-why", "#0072B2"], ["arrow-implies", "#444"]]) {
      const m = s("marker", { id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
      m.append(s("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }));
      d.append(m);
    }
    // A ⊣ B (a separation): a bar, not an arrowhead
    const tee = s("marker", { id: "tee-separates", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "8", markerHeight: "8", orient: "auto-start-reverse" });
    tee.append(s("path", { d: "M7,0 L10,0 L10,10 L7,10 z", fill: "#C0392B" }));
    d.append(tee);
    return d;
  }

  /* model: {nodes:[{id,x,y,w,h,lines:[[text,size,bold]],title,href,cls,fill,stroke,sw,dash,marker}],
             edges:[{pts,cls,arrow,title,a,b}], groups:[{x,y,w,h,label}], width, height} */
  function draw(model, anchor) {
    svg.replaceChildren(defs());
    viewport = s("g", { id: "viewport" });
    const groups = s("g", { class: "groups" }), edges = s("g", { class: "edges" }), nodes = s("g", { class: "nodes" });
    for (const g of model.groups || []) {
      const grp = s("g", { class: "group" });
      grp.append(s("rect", { x: g.x, y: g.y, width: g.w, height: g.h, rx: 6 }));
      grp.append(s("text", { x: g.x + 10, y: g.y + 18, "font-size": 14, class: "group-label" }, g.label));
      groups.append(grp);
    }
    for (const e of model.edges) {
      const p = s("path", { d: pathOf(e.pts, e.curve), class: "edge " + e.cls, "marker-end": e.arrow ? `url(#${e.arrow})` : "" });
      if (e.a !== undefined) { p.dataset.a = e.a; p.dataset.b = e.b; }
      if (e.title) p.append(s("title", null, e.title));
      edges.append(p);
    }
    for (const n of model.nodes) {
      const a = s("a", { href: n.href, class: "node " + (n.cls || ""), "data-id": n.id });
      a.append(s("title", null, n.title));
      const g = s("g", { transform: `translate(${n.x - n.w / 2},${n.y - n.h / 2})` });
      const r = s("rect", { width: n.w, height: n.h, rx: 4, fill: n.fill, stroke: n.stroke || "#555", "stroke-width": n.sw || 1 });
      if (n.dash) r.setAttribute("stroke-dasharray", n.dash);
      g.append(r);
      const total = n.lines.reduce((t, l) => t + l[1] * 1.25, 0);
      let y = (n.h - total) / 2;
      for (const [text, size, bold] of n.lines) {
        y += size * 1.25;
        g.append(s("text", { x: n.w / 2, y: y - size * 0.3, "font-size": size, "text-anchor": "middle", class: bold ? "label strong" : "label" }, text));
      }
      if (n.marker) {
        const m = s("text", { x: n.w - 2, y: 2, "font-size": 14, class: "refuted-marker", "text-anchor": "middle" }, "⚠");
        m.append(s("title", null, n.marker));
        g.append(m);
      }
      a.append(g);
      nodes.append(a);
    }
    viewport.append(groups, edges, nodes);
    svg.append(viewport);
    box = { w: model.width, h: model.height };
    startView(anchor);
  }

  function pathOf(pts, curve) {
    if (!pts.length) return "";
    if (curve && pts.length === 2) {
      const [a, b] = pts;
      const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
      const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy) || 1;
      const bend = Math.min(60, len * 0.2);
      return `M${a[0]},${a[1]} Q${mx - (dy / len) * bend},${my + (dx / len) * bend} ${b[0]},${b[1]}`;
    }
    return "M" + pts.map((p) => p[0] + "," + p[1]).join(" L");
  }

  /* The starting zoom: fit if that keeps labels ≥ 11 px, else the smallest legible zoom,
     centred on the anchor (the focus) or the top of the map; never larger than 1. */
  function startView(anchor) {
    const cw = canvas.clientWidth, ch = canvas.clientHeight;
    const fit = Math.min(cw / Math.max(box.w, 1), ch / Math.max(box.h, 1));
    view.k = Math.max(MIN_SCALE, Math.min(1, fit));
    const sw = box.w * view.k, sh = box.h * view.k;
    view.x = sw <= cw ? (cw - sw) / 2 : anchor ? Math.min(0, Math.max(cw - sw, cw / 2 - anchor.x * view.k)) : 0;
    view.y = sh <= ch ? (ch - sh) / 2 : anchor ? Math.min(0, Math.max(ch - sh, ch / 3 - anchor.y * view.k)) : 0;
    applyView();
  }
  function zoomBy(f, cx, cy) {
    const k = Math.max(0.05, Math.min(4, view.k * f));
    const px = cx === undefined ? canvas.clientWidth / 2 : cx, py = cy === undefined ? canvas.clientHeight / 2 : cy;
    view.x = px - ((px - view.x) * k) / view.k;
    view.y = py - ((py - view.y) * k) / view.k;
    view.k = k;
    applyView();
  }
  $("zoom-in").addEventListener("click", () => zoomBy(1.25));
  $("zoom-out").addEventListener("click", () => zoomBy(0.8));
  $("zoom-fit").addEventListener("click", () => {
    const cw = canvas.clientWidth, ch = canvas.clientHeight;
    view.k = Math.min(1, cw / Math.max(box.w, 1), ch / Math.max(box.h, 1));
    view.x = (cw - box.w * view.k) / 2; view.y = (ch - box.h * view.k) / 2;
    applyView();
  });
  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  let drag = null;
  canvas.addEventListener("pointerdown", (e) => {
    if (e.target.closest && e.target.closest("a")) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drag) return;
    view.x = drag.vx + e.clientX - drag.x; view.y = drag.vy + e.clientY - drag.y;
    applyView();
  });
  canvas.addEventListener("pointerup", () => { drag = null; });

  /* ---- state in the URL ---- */
  function state() {
    const h = readHash();
    return {
      view: h.view === "all" ? "all" : h.focus ? "focus" : "map",
      focus: h.focus && index.has(h.focus) ? h.focus : "",
      asked: h.focus || "",
      depth: /^[1-4]$/.test(h.depth || "") ? h.depth : "2",
      dir: ["both", "down", "up"].includes(h.dir) ? h.dir : "both",
      hide: (h.hide || "").split(",").filter((r) => S.roles.includes(r)),
      why: h.why && index.has(h.why) ? h.why : "",
      rests: h.rests && index.has(h.rests) ? h.rests : "",
    };
  }
  function hashFor(st) {
    return hashOf({
      view: st.view === "all" ? "all" : "", focus: st.view === "focus" ? st.focus : "",
      depth: st.view !== "map" && st.depth !== "2" ? st.depth : "", dir: st.view !== "map" && st.dir !== "both" ? st.dir : "",
      hide: st.view !== "map" ? st.hide.join(",") : "", why: st.view === "focus" ? st.why : "",
      rests: st.view === "map" ? st.rests : "",
    });
  }
  function go(patch) {
    const st = Object.assign(state(), patch);
    if (patch.focus) st.view = "focus";
    const h = hashFor(st);
    if (h !== window.location.hash && !(h === "" && window.location.hash === "")) window.location.hash = h || "#";
    else render();
  }

  /* ---- the assumption map ---- */
  function mapModel(st) {
    // A map of thousands of boxes is unreadable: show the most required MAX_MAP ones.
    let hyps = S.hyps;
    if (hyps.length > MAX_MAP) {
      hyps = [...hyps].sort((a, b) => AX.reqBy(b) - AX.reqBy(a) || a - b).slice(0, MAX_MAP);
      if (st.rests && !hyps.includes(index.get(st.rests))) hyps.push(index.get(st.rests));
    }
    const inMap = new Set(hyps);
    // rank: longest chain of implications below a node, so implied assumptions sit later in a row
    const rank = new Map(hyps.map((i) => [i, 0]));
    const pairs = new Map();
    for (const [a, b, d] of S.implies) {
      if (!inMap.has(a) || !inMap.has(b)) continue;
      const key = a + ">" + b;
      if (!pairs.has(key)) pairs.set(key, { a, b, by: [] });
      pairs.get(key).by.push(d);
    }
    for (let pass = 0; pass < 50; pass++) {
      let changed = false;
      for (const { a, b } of pairs.values()) {
        if (rank.get(b) < rank.get(a) + 1 && rank.get(a) < 50) { rank.set(b, rank.get(a) + 1); changed = true; }
      }
      if (!changed) break;
    }
    const byArea = new Map();
    for (const i of hyps) {
      const a = S.area[i] >= 0 ? S.areas[S.area[i]] : "(no area)";
      if (!byArea.has(a)) byArea.set(a, []);
      byArea.get(a).push(i);
    }
    // Bands from the most implied area (top) to the most implying one (bottom): arrows point up.
    const flow = new Map([...byArea.keys()].map((a) => [a, 0]));
    const areaOf = (i) => (S.area[i] >= 0 ? S.areas[S.area[i]] : "(no area)");
    for (const { a, b } of pairs.values()) { flow.set(areaOf(a), flow.get(areaOf(a)) + 1); flow.set(areaOf(b), flow.get(areaOf(b)) - 1); }
    const areas = [...byArea.keys()].sort((x, y) => flow.get(x) - flow.get(y) || (x < y ? -1 : 1));
    const nodes = new Map();
    let cellW = 0, cellH = 0;
    for (const i of hyps) {
      const req = AX.reqBy(i);
      const bonus = Math.min(4, Math.round(Math.log2(1 + req)));
      const size = SMALL_FONT + bonus;
      const label = abbreviate(shortName(S.names[i]), 24);
      const w = Math.ceil(textWidth(label, size, bonus >= 3)) + 16 + 2 * bonus;
      const h = Math.round(size * 1.25 + 10 + bonus * 1.5);
      const st0 = statusOf(i);
      const ms = S.measured[i];
      const contradicted = ms && /^contradicted/.test(ms[0]);
      const node = {
        id: i, w, h, lines: [[label, size, bonus >= 3]], href: declUrl(S.names[i]),
        title: `${S.names[i]}\n${roleOf(i)} · ${st0 || "no status"} · required by ${req} result${req === 1 ? "" : "s"}` + (ms ? `\nmeasured: ${ms[0]}` : ""),
        fill: AX.STATUS_FILL[st0] || "#eee", stroke: S.names[i] === st.rests ? "#000" : "#555",
        sw: S.names[i] === st.rests ? 3 : 1, dash: roleOf(i) === "conjecture" ? "5 3" : "",
        cls: "hyp " + AX.statusClass(st0) + (ms && ms[1] ? " disagree" : ""),
        marker: contradicted || (ms && ms[1]) ? `probe: ${ms[0]}${ms[1] ? " (disagrees with the stated status)" : ""}` : "",
      };
      nodes.set(i, node);
      cellW = Math.max(cellW, w + 14);
      cellH = Math.max(cellH, h + 10);
    }
    // Columns: the widest layout that fits the canvas at the largest zoom in [MIN_SCALE, 1].
    const cw = canvas.clientWidth || 800, ch = canvas.clientHeight || 600;
    const resting = [];
    if (st.rests) {
      const h = index.get(st.rests);
      for (let i = 0; i < N; i++) if (RESULT_ROLES.has(roleOf(i)) && S.req[i].includes(h)) resting.push(i);
    }
    let cols = 1;
    for (let k = 1; k >= MIN_SCALE - 1e-9; k -= 0.02) {
      cols = Math.max(1, Math.floor((cw / k - 40) / cellW));
      let hh = 10 + (st.rests ? BAND + Math.ceil(Math.min(resting.length, MAX_RESTING) / cols) * cellH : 0);
      for (const list of byArea.values()) hh += BAND + Math.ceil(list.length / cols) * cellH;
      if (hh * k <= ch) break;
    }
    const groups = [];
    const edges = [];
    let y = 10;
    if (st.rests) {
      const h = index.get(st.rests);
      resting.sort((a, b) => (S.names[a] < S.names[b] ? -1 : 1));
      const shown = resting.slice(0, MAX_RESTING);
      const rows = Math.max(1, Math.ceil(shown.length / cols));
      const more = resting.length - shown.length;
      groups.push({ x: 10, y, w: cols * cellW + 20, h: HEAD + rows * cellH, label: `Results that require ${shortName(st.rests)}: ${resting.length}` + (more ? ` (first ${shown.length} shown)` : "") });
      shown.forEach((i, k) => {
        const label = abbreviate(shortName(S.names[i]), 24);
        const w = Math.min(cellW - 18, Math.ceil(textWidth(label, SMALL_FONT)) + 16);
        nodes.set(i, {
          id: i, w, h: Math.round(SMALL_FONT * 1.25 + 10), lines: [[label, SMALL_FONT]], href: declUrl(S.names[i]),
          title: `${S.names[i]}\n${roleOf(i)}`, fill: AX.ROLE_COLOUR[roleOf(i)], cls: "result",
          x: 20 + (k % cols) * cellW + cellW / 2, y: y + HEAD + Math.floor(k / cols) * cellH + cellH / 2,
        });
        edges.push({ a: i, b: h, cls: "rests", arrow: "arrow-faint" });
      });
      y += HEAD + rows * cellH + GAP;
    }
    for (const area of areas) {
      const list = byArea.get(area).sort((a, b) => rank.get(a) - rank.get(b) || AX.reqBy(b) - AX.reqBy(a) || (S.names[a] < S.names[b] ? -1 : 1));
      const rows = Math.ceil(list.length / cols);
      groups.push({ x: 10, y, w: cols * cellW + 20, h: HEAD + rows * cellH, label: `${area} (${list.length})` });
      list.forEach((i, k) => {
        const n = nodes.get(i);
        n.x = 20 + (k % cols) * cellW + cellW / 2;
        n.y = y + HEAD + Math.floor(k / cols) * cellH + cellH / 2;
      });
      y += HEAD + rows * cellH + GAP;
    }
    for (const { a, b, by } of pairs.values()) {
      edges.push({ a, b, cls: "implies", arrow: "arrow-implies", curve: true, title: `${S.names[a]} implies ${S.names[b]} (by ${by.map((d) => S.names[d]).join(", ")})` });
    }
    // Separations (A ⇏ B): dashed red with a bar, so they never read as implications.
    const seps = new Map();
    for (const [a, b, d] of S.separates || []) {
      if (!inMap.has(a) || !inMap.has(b)) continue;
      const key = a + ">" + b;
      if (!seps.has(key)) seps.set(key, { a, b, by: [] });
      seps.get(key).by.push(d);
    }
    for (const { a, b, by } of seps.values()) {
      edges.push({ a, b, cls: "separates", arrow: "tee-separates", curve: true, title: `${S.names[a]} does not imply ${S.names[b]}: a model satisfies one and refutes the other (${by.map((d) => S.names[d]).join(", ")})` });
    }
    for (const e of edges) e.pts = clip(nodes.get(e.a), nodes.get(e.b));
    return { nodes: [...nodes.values()], edges, groups, width: cols * cellW + 40, height: y, implications: pairs.size, separations: seps.size, areas: areas.length, shown: hyps.length };
  }

  /* The segment between two boxes' borders (so arrowheads are not hidden under a box). */
  function clip(a, b) {
    const border = (n, dx, dy) => {
      const tx = dx ? (n.w / 2) / Math.abs(dx) : Infinity, ty = dy ? (n.h / 2) / Math.abs(dy) : Infinity;
      const t = Math.min(tx, ty);
      return [n.x + dx * t, n.y + dy * t];
    };
    const dx = b.x - a.x, dy = b.y - a.y;
    if (!dx && !dy) return [[a.x, a.y], [b.x, b.y]];
    return [border(a, dx, dy), border(b, -dx, -dy)];
  }

  /* ---- focused graph and whole graph: dagre ---- */
  function bfs(start, adj, limit, seen, order) {
    let frontier = [start];
    for (let d = 0; frontier.length && d < limit; d++) {
      const next = [];
      for (const u of frontier) {
        const a = adj[u];
        for (let k = 0; k < a.length; k += 2) {
          const v = a[k];
          if (!seen.has(v)) { seen.add(v); order.push([d + 1, v]); next.push(v); }
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
    let ids = [];
    let dropped = 0, f = -1, path = [];
    if (st.view === "all") {
      for (let i = 0; i < N; i++) if (!hidden.has(S.role[i])) ids.push(i);
    } else {
      f = index.get(st.focus);
      const limit = Number(st.depth);
      const order = [];
      const down = new Set([f]), up = new Set([f]);
      if (st.dir !== "up") bfs(f, out, limit, down, order);
      if (st.dir !== "down") bfs(f, inn, limit, up, order);
      order.sort((a, b) => a[0] - b[0]);
      const seen = new Set([f]);
      for (const [, v] of order) if (!hidden.has(S.role[v])) seen.add(v);
      if (st.why) { path = whyPath(f, index.get(st.why)); path.forEach((x) => seen.add(x)); }
      ids = [...seen];
      if (ids.length > MAX_FOCUS_NODES) {
        const keep = new Set([f, ...path]);
        for (const [, v] of order) { if (keep.size >= MAX_FOCUS_NODES) break; if (seen.has(v)) keep.add(v); }
        dropped = ids.length - keep.size;
        ids = [...keep];
      }
    }
    return { f, ids, path, dropped };
  }

  function layeredModel(st, focusRec) {
    const { f, ids, path, dropped } = visible(st);
    const seen = new Set(ids);
    const req = new Set(f >= 0 ? S.req[f] : []);
    const derived = new Set();
    if (focusRec) for (const x of focusRec.use) if (!req.has(x) && x !== f && !(focusRec.est || []).includes(x)) derived.add(x);
    const onPath = new Set(path);
    const pathEdges = new Set();
    for (let k = 0; k + 1 < path.length; k++) pathEdges.add(path[k] + ">" + path[k + 1]);
    const g = new dagre.graphlib.Graph({ multigraph: false });
    g.setGraph({ rankdir: "TB", nodesep: 18, ranksep: 46, edgesep: 8, marginx: 12, marginy: 12 });
    g.setDefaultEdgeLabel(() => ({}));
    const nodes = new Map();
    for (const i of ids) {
      const role = roleOf(i);
      const full = S.names[i];
      const label = abbreviate(shortName(full), 28);
      const st0 = statusOf(i);
      const second = role + (st0 ? " · " + st0 : "") + (derived.has(i) ? " · derived" : req.has(i) ? " · required" : "");
      const w = Math.ceil(Math.max(textWidth(label, NAME_FONT, i === f), textWidth(second, SMALL_FONT))) + 18;
      const h = Math.round((NAME_FONT + SMALL_FONT) * 1.25 + 12);
      const n = {
        id: i, w, h, lines: [[label, NAME_FONT, i === f], [second, SMALL_FONT]], href: i === f ? declUrl(full) : focusUrl(st, full),
        title: full + "\n" + second + (i === f ? "\n(open its page)" : "\n(focus on it)"),
        fill: AX.ROLE_COLOUR[role] || "#fff", stroke: i === f ? "#000" : onPath.has(i) ? "#0072B2" : "#555",
        sw: i === f ? 3 : onPath.has(i) ? 3 : 1, dash: derived.has(i) ? "5 4" : "", cls: i === f ? "focus" : "",
      };
      nodes.set(i, n);
      g.setNode(String(i), { width: w, height: h });
    }
    const edges = [];
    for (const u of ids) {
      const a = out[u];
      for (let k = 0; k < a.length; k += 2) {
        const v = a[k];
        if (!seen.has(v) || v === u) continue;
        g.setEdge(String(u), String(v));
        edges.push({ a: u, b: v, c: a[k + 1] });
      }
    }
    dagre.layout(g);
    for (const [i, n] of nodes) { const p = g.node(String(i)); n.x = p.x; n.y = p.y; }
    const drawn = [];
    for (const e of edges) {
      const lab = g.edge(String(e.a), String(e.b));
      const hot = pathEdges.has(e.a + ">" + e.b);
      const near = e.a === f || e.b === f || f < 0;
      const cls = (hot ? "why" : near ? "near" : "far") + (e.c === PROOF ? " proof" : "");
      drawn.push({ pts: lab.points.map((p) => [p.x, p.y]), cls, arrow: hot ? "arrow-why" : near ? "arrow" : "arrow-faint" });
    }
    const gg = g.graph();
    return { nodes: [...nodes.values()], edges: drawn, width: gg.width, height: gg.height, f, derived, path, dropped, req };
  }

  /* ---- side panel ---- */
  /* The URL of a focused view that keeps the current depth, direction and hidden kinds. */
  function focusUrl(st, name, extra) {
    return AX.graphUrl(Object.assign({ focus: name, depth: st.depth === "2" ? "" : st.depth, dir: st.dir === "both" ? "" : st.dir, hide: st.hide.join(",") }, extra));
  }
  function focusLink(name, text) {
    return el("a", { href: focusUrl(state(), name), "data-name": name }, text || name);
  }
  function nameList(title, items, id, extra, total) {
    const sec = el("section");
    sec.append(el("h3", null, `${title} (${total || items.length})`));
    if (!items.length) { sec.append(el("p", { class: "none" }, "none")); return sec; }
    const ul = el("ul", { class: "names", id });
    for (const i of items.slice(0, 300)) {
      const li = el("li");
      li.append(focusLink(S.names[i]));
      if (extra) extra(li, i);
      ul.append(li);
    }
    sec.append(ul);
    if ((total || items.length) > 300) sec.append(el("p", null, `… and ${(total || items.length) - 300} more`));
    return sec;
  }

  function focusPanel(st, m, rec) {
    info.replaceChildren();
    whySel.replaceChildren(el("option", { value: "" }, "(choose an assumption)"));
    const f = m.f;
    const h = el("h2", { id: "focus-name" });
    h.append(el("a", { href: declUrl(S.names[f]) }, S.names[f]));
    info.append(h);
    const meta = el("p");
    meta.append(el("span", { class: "badge role-" + roleOf(f) }, roleOf(f)));
    if (statusOf(f)) meta.append(" ", statusBadge(statusOf(f)));
    info.append(meta);
    if (rec.w) info.append(el("p", { class: "summary", id: "weakest-summary" }, rec.w));
    for (const x of rec.use) whySel.append(el("option", { value: S.names[x] }, S.names[x] + (m.derived.has(x) ? " (derived)" : "")));
    whySel.value = st.why;
    if (st.why) {
      const p = el("p", { id: "why-path" });
      if (m.path.length) {
        p.append(el("strong", null, "Why: "));
        m.path.forEach((x, k) => { if (k) p.append(" → "); p.append(focusLink(S.names[x], shortName(S.names[x]))); });
      } else p.textContent = `No path from ${st.focus} to ${st.why}.`;
      info.append(p);
    }
    const withStatus = (li, i) => li.append(" ", statusBadge(statusOf(i)));
    info.append(nameList("Requires", S.req[f], "requires-list", withStatus));
    info.append(nameList("Establishes", rec.est || [], "establishes-list"));
    info.append(nameList("Uses", rec.use, "uses-list", (li, i) => {
      if (m.derived.has(i)) {
        li.append(" ", el("span", { class: "derived" }, "derived"), " ");
        li.append(el("a", { href: focusUrl(st, st.focus, { why: S.names[i] }), class: "why" }, "why?"));
      }
    }, rec.nuse));
    const users = [];
    for (let k = 0; k < inn[f].length; k += 2) users.push(inn[f][k]);
    users.sort((a, b) => (S.names[a] < S.names[b] ? -1 : 1));
    info.append(nameList("Used directly by", users, "users-list"));
  }

  function mapPanel(st, m) {
    info.replaceChildren();
    const p = el("p", null, "Each box is an assumption or conjecture; click one to open its page. An arrow A → B means a discharge proves B from A.");
    info.append(p);
    if (st.rests) {
      const q = el("p", { id: "rests-note" }, `Showing the results that require ${st.rests}. `);
      q.append(el("a", { href: AX.graphUrl({ rests: "" }) || "graph.html" }, "Hide them"));
      info.append(q);
    }
  }

  /* ---- render ---- */
  let renderSeq = 0;
  async function render() {
    const seq = ++renderSeq;
    const st = state();
    document.body.removeAttribute("data-ready");
    document.body.dataset.view = st.view;
    depthSel.value = st.depth; dirSel.value = st.dir; restsSel.value = st.rests;
    hideBoxes.forEach((b) => { b.checked = st.hide.includes(b.value); });
    focusInput.value = st.focus;
    const unknown = st.asked && !st.focus ? `No declaration named ${st.asked}. ` : "";
    if (st.view === "map" || (st.view === "focus" && !st.focus)) {
      const m = mapModel(st);
      draw(m, null);
      mapPanel(st, m);
      $("graph-h").textContent = "Assumption map";
      const cut = m.shown < S.hyps.length ? ` (the ${m.shown} required by the most results are drawn; search the index for the others)` : "";
      statusEl.textContent = unknown + `Assumption map: ${S.hyps.length} assumptions and conjectures${cut} in ${m.areas} area${m.areas === 1 ? "" : "s"}, ${m.implications} implication${m.implications === 1 ? "" : "s"} from discharges` + (m.separations ? `, ${m.separations} separation${m.separations === 1 ? "" : "s"} (A does not imply B).` : ".");
      document.title = `Assumption map · ${S.title} · axiomdl explorer`;
    } else {
      adjacency();
      if (st.view === "all" && N > MAX_WHOLE) {
        svg.replaceChildren();
        info.replaceChildren(el("p", null, "Pick a declaration to focus on."));
        statusEl.textContent = `The whole graph has ${N} declarations, too many to draw legibly (the limit is ${MAX_WHOLE}). Focus on a declaration instead.`;
        document.body.dataset.ready = "1";
        return;
      }
      const rec = st.view === "focus" ? await AX.record(index.get(st.focus)) : null;
      if (seq !== renderSeq) return;
      const m = layeredModel(st, rec);
      draw(m, m.f >= 0 ? m.nodes.find((n) => n.id === m.f) : null);
      if (rec) focusPanel(st, m, rec);
      else info.replaceChildren(el("p", null, "The whole graph. Click a node to focus on it."));
      $("graph-h").textContent = st.view === "all" ? "Whole dependency graph" : "Dependency graph around " + st.focus;
      statusEl.textContent = `${m.nodes.length} declarations, ${m.edges.length} edges shown` +
        (st.view === "focus" ? ` around ${st.focus} (depth ${st.depth}, ${dirSel.options[dirSel.selectedIndex].text})` : " (whole graph)") +
        (m.dropped ? `; ${m.dropped} more within that depth are not drawn (lower the depth or hide kinds)` : "");
      document.title = (st.focus ? shortName(st.focus) + " · " : "") + `Graph · ${S.title} · axiomdl explorer`;
    }
    window.axiomdlReadyMs = performance.now();
    document.body.dataset.ready = "1";
  }

  /* hovering a map node highlights its implications */
  svg.addEventListener("mouseover", (e) => {
    const a = e.target.closest && e.target.closest("a.node");
    svg.querySelectorAll("path.hot").forEach((p) => p.classList.remove("hot"));
    if (!a) return;
    const id = a.dataset.id;
    svg.querySelectorAll(`path.edge[data-a="${id}"], path.edge[data-b="${id}"]`).forEach((p) => p.classList.add("hot"));
  });

  for (const i of S.hyps) restsSel.append(el("option", { value: S.names[i] }, S.names[i]));
  const list = $("all-names");
  if (N <= 20000) {
    const frag = document.createDocumentFragment();
    for (const n of S.names) frag.append(el("option", { value: n }));
    list.append(frag);
  }
  restsSel.addEventListener("change", () => go({ view: "map", rests: restsSel.value }));
  depthSel.addEventListener("change", () => go({ depth: depthSel.value }));
  dirSel.addEventListener("change", () => go({ dir: dirSel.value }));
  whySel.addEventListener("change", () => go({ why: whySel.value }));
  hideBoxes.forEach((b) => b.addEventListener("change", () => go({ hide: hideBoxes.filter((x) => x.checked).map((x) => x.value) })));
  function goInput() {
    const v = focusInput.value.trim();
    if (index.has(v)) { go({ focus: v, why: "", view: "focus" }); return; }
    const hit = S.names.find((n) => n.endsWith("." + v));
    if (hit) go({ focus: hit, why: "", view: "focus" });
    else statusEl.textContent = `No declaration named ${v}.`;
  }
  $("focus-go").addEventListener("click", goInput);
  focusInput.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); goInput(); } });
  $("controls").addEventListener("submit", (e) => e.preventDefault());
  $("map-controls").addEventListener("submit", (e) => e.preventDefault());
  window.addEventListener("hashchange", render);

  // For tests and the benchmark.
  window.axiomdlGraph = {
    focus(name) { history.replaceState(null, "", hashOf({ focus: name })); return render(); },
    show(hash) { history.replaceState(null, "", hash || window.location.pathname); return render(); },
    scale: () => view.k,
    nodes: () => [...svg.querySelectorAll("a.node")].map((a) => S.names[Number(a.dataset.id)]),
  };
  render();
})();
