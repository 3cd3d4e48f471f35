/* Graph page. Three views, each with its own URL:
   - the assumption map (default): assumptions and conjectures in one band per area, packed
     in rows, coloured by status, sized by how many results require them, with "A implies B"
     discharge arrows and "A does not imply B" separations;
   - a focused graph (#focus=NAME): a layered dagre layout, the focus on top and what it
     rests on below, edges beyond the focus faint;
   - the whole graph (#view=all), never the default: dagre for small projects, beyond
     DAGRE_MAX declarations one band per level (a declaration sits above all it uses).
   Drawn as SVG, so labels stay text: every label is at least 11 px at the starting zoom.
   The canvas scrolls like a page; what does not fit at that zoom is reached by scrolling. */
"use strict";
(function () {
  const AX = window.AX;
  const { S, index, el, readHash, hashOf, declUrl, shortName, abbreviate, statusOf, statusBadge, roleOf } = AX;
  const N = S.names.length;
  const NS = "http://www.w3.org/2000/svg";
  const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
  const MIN_LABEL_PX = 11, SMALL_FONT = 12, NAME_FONT = 13;
  const MIN_SCALE = MIN_LABEL_PX / SMALL_FONT; // the smallest label stays ≥ 11 px on screen
  const MAX_MAP = 400, MAX_FOCUS_NODES = 200, MAX_RESTING = 40;
  // dagre is superlinear (a 1,000-node graph takes tens of seconds); past DAGRE_MAX the whole
  // graph is drawn in level bands, and past MAX_WHOLE not at all (a page of 6,000 boxes and
  // their edges is no longer something to look at).
  const DAGRE_MAX = 300, MAX_WHOLE = 6000;
  const MAP_LABEL = 22; // characters on a map box; the full name is its tooltip
  const HEAD = 24, PAD = 10, ROW_GAP = 6, COL_GAP = 8, GAP = 8; // bands: title, insets, gaps
  const RESULT_ROLES = new Set(["theorem", "discharge", "witness", "separation"]);
  const PROOF = 2;

  const $ = (id) => document.getElementById(id);
  const svg = $("svg"), canvas = $("canvas"), info = $("info"), statusEl = $("status");
  const depthSel = $("depth"), dirSel = $("dir"), whySel = $("why"), focusInput = $("focus-input");
  const restsSel = $("rests");
  const hideBoxes = [...document.querySelectorAll('input[name="hide"]')];
  const lineBoxes = [...document.querySelectorAll('input[name="lines"]')];
  const LINES = ["implies", "separates"];

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
  let hoverLayer = null, hoverEdges = null;
  let viewport = null, box = { w: 0, h: 0 }, view = { k: 1, ox: 0, oy: 0, centre: true };
  /* The canvas's outer size, read before a drawing is built: reading a size after inserting
     thousands of boxes would lay them all out once more. */
  let frame = { W: 800, H: 600 };
  function measure() { frame = { W: canvas.offsetWidth || 800, H: canvas.offsetHeight || 600 }; }
  /* The canvas's inner size once the scroll bars a sw × sh drawing needs are in place. */
  function inner(sw, sh) {
    const sb = scrollbarWidth();
    let down = sh > frame.H;
    const across = sw > frame.W - (down ? sb : 0);
    down = sh > frame.H - (across ? sb : 0);
    return { cw: frame.W - (down ? sb : 0), ch: frame.H - (across ? sb : 0) };
  }
  /* Size the SVG to the scaled drawing (at least the canvas), centred when smaller. */
  function applyView() {
    if (!viewport) return;
    const sw = box.w * view.k, sh = box.h * view.k;
    const { cw, ch } = inner(sw, sh);
    view.ox = sw < cw ? (cw - sw) / 2 : 0;
    view.oy = sh < ch && view.centre ? (ch - sh) / 2 : 0;
    svg.setAttribute("width", Math.max(cw, Math.ceil(sw)));
    svg.setAttribute("height", Math.max(ch, Math.ceil(sh)));
    viewport.setAttribute("transform", `translate(${view.ox},${view.oy}) scale(${view.k})`);
  }
  /* The width of a scroll bar (0 where they overlay the page). */
  let scrollbar = -1;
  function scrollbarWidth() {
    if (scrollbar < 0) {
      const d = el("div", { style: "position:absolute;visibility:hidden;overflow:scroll;width:100px;height:100px" });
      document.body.append(d);
      scrollbar = d.offsetWidth - d.clientWidth;
      d.remove();
    }
    return scrollbar;
  }

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
    measure();
    viewport = s("g", { id: "viewport" });
    const groups = s("g", { class: "groups" }), edges = s("g", { class: "edges" }), nodes = s("g", { class: "nodes" });
    for (const g of model.groups || []) {
      const grp = s("g", { class: "group" });
      grp.append(s("rect", { x: g.x, y: g.y, width: g.w, height: g.h, rx: 6 }));
      grp.append(s("text", { x: g.x + 10, y: g.y + 18, "font-size": 14, class: "group-label" }, g.label));
      groups.append(grp);
    }
    for (const e of model.edges) edges.append(edgePath(e));
    // thousands of edges: one path for all of them, each node's own drawn when hovered
    if (model.bulk) edges.append(s("path", { d: model.bulk, class: "edge far bulk" }));
    hoverLayer = s("g", { class: "hover-edges" });
    edges.append(hoverLayer);
    hoverEdges = model.hover || null;
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
    view.centre = !model.top;
    startView(anchor, model.k);
  }

  function edgePath(e) {
    const p = s("path", { d: pathOf(e.pts, e.curve), class: "edge " + e.cls, "marker-end": e.arrow ? `url(#${e.arrow})` : "" });
    if (e.a !== undefined) { p.dataset.a = e.a; p.dataset.b = e.b; }
    if (e.title) p.append(s("title", null, e.title));
    return p;
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

  /* The starting zoom: the model's own (the map picks one), else fit if that keeps labels
     ≥ 11 px, else the smallest legible zoom; never larger than 1. Scrolled to the anchor
     (the focus) or to the top left. */
  function startView(anchor, k) {
    const fit = Math.min(frame.W / Math.max(box.w, 1), frame.H / Math.max(box.h, 1));
    view.k = k || Math.max(MIN_SCALE, Math.min(1, fit));
    applyView();
    const { cw, ch } = inner(box.w * view.k, box.h * view.k);
    canvas.scrollLeft = anchor ? anchor.x * view.k + view.ox - cw / 2 : 0;
    canvas.scrollTop = anchor ? anchor.y * view.k + view.oy - ch / 3 : 0;
  }
  /* Zoom about a point of the canvas (its centre by default), keeping that point still. */
  function zoomTo(k, px, py) {
    if (px === undefined) { px = canvas.clientWidth / 2; py = canvas.clientHeight / 2; }
    const cx = (canvas.scrollLeft + px - view.ox) / view.k, cy = (canvas.scrollTop + py - view.oy) / view.k;
    view.k = Math.max(0.05, Math.min(4, k));
    applyView();
    canvas.scrollLeft = cx * view.k + view.ox - px;
    canvas.scrollTop = cy * view.k + view.oy - py;
  }
  window.addEventListener("resize", () => { measure(); applyView(); });
  $("zoom-in").addEventListener("click", () => zoomTo(view.k * 1.25));
  $("zoom-out").addEventListener("click", () => zoomTo(view.k * 0.8));
  $("zoom-fit").addEventListener("click", () => {
    zoomTo(Math.min(1, frame.W / Math.max(box.w, 1), frame.H / Math.max(box.h, 1)));
  });
  // The wheel scrolls, as on any page; with Ctrl (or ⌘, or a trackpad pinch) it zooms.
  canvas.addEventListener("wheel", (e) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoomTo(view.k * (e.deltaY < 0 ? 1.1 : 1 / 1.1), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  // Dragging the background with a mouse scrolls too (touch scrolls natively).
  let drag = null;
  canvas.addEventListener("pointerdown", (e) => {
    if (e.pointerType !== "mouse" || e.button !== 0 || !svg.contains(e.target) || e.target.closest("a")) return;
    drag = { x: e.clientX, y: e.clientY, left: canvas.scrollLeft, top: canvas.scrollTop };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drag) return;
    canvas.scrollLeft = drag.left - (e.clientX - drag.x);
    canvas.scrollTop = drag.top - (e.clientY - drag.y);
  });
  const endDrag = () => { drag = null; };
  canvas.addEventListener("pointerup", endDrag);
  canvas.addEventListener("pointercancel", endDrag);

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
      // the map's edge kinds: both unless the URL names some ("none" for neither)
      lines: h.lines === undefined || h.lines === "" ? LINES : h.lines.split(",").filter((x) => LINES.includes(x)),
    };
  }
  function hashFor(st) {
    return hashOf({
      view: st.view === "all" ? "all" : "", focus: st.view === "focus" ? st.focus : "",
      depth: st.view !== "map" && st.depth !== "2" ? st.depth : "", dir: st.view !== "map" && st.dir !== "both" ? st.dir : "",
      hide: st.view !== "map" ? st.hide.join(",") : "", why: st.view === "focus" ? st.why : "",
      rests: st.view === "map" ? st.rests : "",
      lines: st.view !== "map" || st.lines.length === LINES.length ? "" : st.lines.join(",") || "none",
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
  /* Bands of boxes packed in rows of width W (drawing units), one band under the next.
     With place, sets each box's centre and each band's rectangle; returns the height. */
  function flow(bands, W, place) {
    const left = PAD + PAD, right = W - PAD - PAD;
    let y = PAD;
    for (const band of bands) {
      let top = y + HEAD, x = left, rowH = 0, row = [];
      const close = () => {
        if (place) for (const n of row) n.y = top + rowH / 2;
        top += rowH + ROW_GAP; x = left; rowH = 0; row = [];
      };
      for (const n of band.nodes) {
        if (row.length && x + n.w > right) close();
        if (place) n.x = x + n.w / 2;
        row.push(n); x += n.w + COL_GAP; rowH = Math.max(rowH, n.h);
      }
      if (row.length) close();
      const h = top - ROW_GAP + PAD - y;
      if (place) band.rect = { x: PAD, y, w: W - 2 * PAD, h, label: band.label };
      y += h + GAP;
    }
    return y + PAD - GAP;
  }

  /* The widest zoom in [MIN_SCALE, 1] at which the bands fit the canvas, and the row width
     at that zoom; if none fits, MIN_SCALE (labels at 11 px) and the map scrolls down. */
  function fitBands(bands, widest) {
    const fullW = canvas.offsetWidth || 800, fullH = canvas.offsetHeight || 600;
    for (let k = 1; k >= MIN_SCALE - 1e-9; k -= 0.01) {
      const W = Math.max(widest, Math.floor(fullW / k));
      if (flow(bands, W, false) * k <= fullH) return { k, W };
    }
    return { k: MIN_SCALE, W: Math.max(widest, Math.floor((fullW - scrollbarWidth()) / MIN_SCALE)) };
  }

  function areaOf(i) { return S.area[i] >= 0 ? S.areas[S.area[i]] : "(no area)"; }

  /* Edges between shown boxes, one per ordered pair, with the declarations that give it. */
  function pairsOf(triples, shown) {
    const pairs = new Map();
    for (const [a, b, d] of triples || []) {
      if (!shown.has(a) || !shown.has(b)) continue;
      const key = a + ">" + b;
      if (!pairs.has(key)) pairs.set(key, { a, b, by: [] });
      pairs.get(key).by.push(d);
    }
    return pairs;
  }

  function mapBox(i, st) {
    const req = AX.reqBy(i);
    // size within bounds: 12 px for the rarely required, up to 16 px for the most required
    const bonus = Math.min(4, Math.floor(Math.log2(1 + req) / 1.6));
    const size = SMALL_FONT + bonus, bold = bonus >= 3;
    const label = abbreviate(shortName(S.names[i]), MAP_LABEL);
    const st0 = statusOf(i);
    const ms = S.measured[i];
    const contradicted = ms && /^contradicted/.test(ms[0]);
    const chosen = S.names[i] === st.rests;
    return {
      id: i, w: Math.ceil(textWidth(label, size, bold)) + 14 + 2 * bonus, h: Math.round(size * 1.25 + 8 + bonus),
      lines: [[label, size, bold]], href: declUrl(S.names[i]),
      title: `${S.names[i]}\n${roleOf(i)} · ${st0 || "no status"} · ${areaOf(i)} · required by ${req} result${req === 1 ? "" : "s"}` + (ms ? `\nmeasured: ${ms[0]}` : ""),
      fill: AX.STATUS_FILL[st0] || "#eee", stroke: chosen ? "#000" : "#555", sw: chosen ? 3 : 1,
      dash: roleOf(i) === "conjecture" ? "5 3" : "",
      cls: "hyp " + AX.statusClass(st0) + (ms && ms[1] ? " disagree" : ""),
      marker: contradicted || (ms && ms[1]) ? `probe: ${ms[0]}${ms[1] ? " (disagrees with the stated status)" : ""}` : "",
    };
  }

  function mapModel(st) {
    // A map of thousands of boxes is unreadable: show the most required MAX_MAP ones.
    let hyps = S.hyps;
    if (hyps.length > MAX_MAP) {
      hyps = [...hyps].sort((a, b) => AX.reqBy(b) - AX.reqBy(a) || a - b).slice(0, MAX_MAP);
      if (st.rests && !hyps.includes(index.get(st.rests))) hyps.push(index.get(st.rests));
    }
    const inMap = new Set(hyps);
    const pairs = pairsOf(S.implies, inMap);
    // A premise of a joint discharge (A ∧ C ⇒ B) is not "A implies B": drawn apart, and only
    // where no discharge proves B from A alone.
    const joints = pairsOf(S.joint, inMap);
    for (const key of pairs.keys()) joints.delete(key);
    const seps = pairsOf(S.separates, inMap);
    const arrows = [...pairs.values(), ...joints.values()];
    // rank: longest chain of implications above a node, so what is implied comes later
    const rank = new Map(hyps.map((i) => [i, 0]));
    for (let pass = 0; pass < 50; pass++) {
      let changed = false;
      for (const { a, b } of arrows) {
        if (rank.get(b) < rank.get(a) + 1 && rank.get(a) < 50) { rank.set(b, rank.get(a) + 1); changed = true; }
      }
      if (!changed) break;
    }
    const byArea = new Map();
    for (const i of hyps) {
      if (!byArea.has(areaOf(i))) byArea.set(areaOf(i), []);
      byArea.get(areaOf(i)).push(i);
    }
    // Bands from the most implying area (top) to the most implied one: arrows point down.
    const flowOut = new Map([...byArea.keys()].map((a) => [a, 0]));
    for (const { a, b } of arrows) {
      flowOut.set(areaOf(a), flowOut.get(areaOf(a)) + 1);
      flowOut.set(areaOf(b), flowOut.get(areaOf(b)) - 1);
    }
    const areas = [...byArea.keys()].sort((x, y) => flowOut.get(y) - flowOut.get(x) || (x < y ? -1 : 1));
    const nodes = new Map();
    for (const i of hyps) nodes.set(i, mapBox(i, st));
    const bands = [];
    const edges = [];
    if (st.rests) {
      const h = index.get(st.rests);
      const resting = [];
      for (let i = 0; i < N; i++) if (RESULT_ROLES.has(roleOf(i)) && S.req[i].includes(h)) resting.push(i);
      resting.sort((a, b) => (S.names[a] < S.names[b] ? -1 : 1));
      const shown = resting.slice(0, MAX_RESTING);
      const more = resting.length - shown.length;
      const band = { label: `Results that require ${shortName(st.rests)}: ${resting.length}` + (more ? ` (first ${shown.length} shown)` : ""), nodes: [] };
      for (const i of shown) {
        const label = abbreviate(shortName(S.names[i]), MAP_LABEL);
        const n = {
          id: i, w: Math.ceil(textWidth(label, SMALL_FONT)) + 14, h: Math.round(SMALL_FONT * 1.25 + 8), lines: [[label, SMALL_FONT]],
          href: declUrl(S.names[i]), title: `${S.names[i]}\n${roleOf(i)}`, fill: AX.ROLE_COLOUR[roleOf(i)], cls: "result",
        };
        nodes.set(i, n);
        band.nodes.push(n);
        edges.push({ a: i, b: h, cls: "rests", arrow: "arrow-faint" });
      }
      bands.push(band);
    }
    for (const area of areas) {
      const list = byArea.get(area).sort((a, b) => rank.get(a) - rank.get(b) || AX.reqBy(b) - AX.reqBy(a) || (S.names[a] < S.names[b] ? -1 : 1));
      bands.push({ label: `${area} (${list.length})`, nodes: list.map((i) => nodes.get(i)) });
    }
    let widest = 0;
    for (const n of nodes.values()) widest = Math.max(widest, n.w + 4 * PAD);
    const { k, W } = fitBands(bands, widest);
    const height = flow(bands, W, true);
    // Separations (A ⇏ B): dashed red with a bar, so they never read as implications, faint
    // until their box is hovered, and under the implications, which stay on top.
    if (st.lines.includes("separates")) {
      for (const { a, b, by } of seps.values()) {
        edges.push({ a, b, cls: "separates", arrow: "tee-separates", curve: true, title: `${S.names[a]} does not imply ${S.names[b]}: a model satisfies one and refutes the other (${by.map((d) => S.names[d]).join(", ")})` });
      }
    }
    if (st.lines.includes("implies")) {
      // the other premises of each joint discharge, for the arrow's tooltip
      const premises = new Map();
      for (const [p, b, d] of S.joint || []) {
        if (!premises.has(d + ">" + b)) premises.set(d + ">" + b, []);
        premises.get(d + ">" + b).push(p);
      }
      for (const { a, b, by } of joints.values()) {
        const withs = by.map((d) => `${premises.get(d + ">" + b).filter((p) => p !== a).map((p) => S.names[p]).join(" and ")} (by ${S.names[d]})`);
        edges.push({ a, b, cls: "joint", arrow: "arrow-implies", curve: true, title: `${S.names[a]} implies ${S.names[b]} only together with ${withs.join(", or with ")}` });
      }
      for (const { a, b, by } of pairs.values()) {
        edges.push({ a, b, cls: "implies", arrow: "arrow-implies", curve: true, title: `${S.names[a]} implies ${S.names[b]} (by ${by.map((d) => S.names[d]).join(", ")})` });
      }
    }
    for (const e of edges) e.pts = clip(nodes.get(e.a), nodes.get(e.b));
    return {
      nodes: [...nodes.values()], edges, groups: bands.map((b) => b.rect), width: W, height, k, top: true,
      implications: pairs.size, joint: new Set([...joints.values()].flatMap(({ b, by }) => by.map((d) => d + ">" + b))).size, separations: seps.size, areas: areas.length, shown: hyps.length,
    };
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

  /* A declaration's box in a focused or whole graph: its name, and its kind and status as text. */
  function declBox(i, st, f, derived, req, onPath) {
    const role = roleOf(i);
    const full = S.names[i];
    const label = abbreviate(shortName(full), 28);
    const st0 = statusOf(i);
    const second = role + (st0 ? " · " + st0 : "") + (derived.has(i) ? " · derived" : req.has(i) ? " · required" : "");
    const w = Math.ceil(Math.max(textWidth(label, NAME_FONT, i === f), textWidth(second, SMALL_FONT))) + 18;
    const h = Math.round((NAME_FONT + SMALL_FONT) * 1.25 + 12);
    return {
      id: i, w, h, lines: [[label, NAME_FONT, i === f], [second, SMALL_FONT]], href: i === f ? declUrl(full) : focusUrl(st, full),
      title: full + "\n" + second + (i === f ? "\n(open its page)" : "\n(focus on it)"),
      fill: AX.ROLE_COLOUR[role] || "#fff", stroke: i === f ? "#000" : onPath.has(i) ? "#0072B2" : "#555",
      sw: i === f ? 3 : onPath.has(i) ? 3 : 1, dash: derived.has(i) ? "5 4" : "", cls: i === f ? "focus" : "",
    };
  }

  function layeredModel(st, focusRec) {
    const { f, ids, path, dropped } = visible(st);
    if (st.view === "all" && ids.length > DAGRE_MAX) return levelModel(st, ids);
    const seen = new Set(ids);
    const req = new Set(f >= 0 ? S.req[f] : []);
    const derived = AX.derivedOf(focusRec); // the engine's derivations, as `rests-on` prints them
    const onPath = new Set(path);
    const pathEdges = new Set();
    for (let k = 0; k + 1 < path.length; k++) pathEdges.add(path[k] + ">" + path[k + 1]);
    const g = new dagre.graphlib.Graph({ multigraph: false });
    g.setGraph({ rankdir: "TB", nodesep: 18, ranksep: 46, edgesep: 8, marginx: 12, marginy: 12 });
    g.setDefaultEdgeLabel(() => ({}));
    const nodes = new Map();
    for (const i of ids) {
      const n = declBox(i, st, f, derived, req, onPath);
      nodes.set(i, n);
      g.setNode(String(i), { width: n.w, height: n.h });
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

  /* Levels: a declaration that uses nothing shown is at level 0, any other one level above
     the highest thing it uses (so every edge points down). Iterative, for deep graphs. */
  function levels(ids) {
    const shown = new Set(ids), level = new Map();
    for (const s0 of ids) {
      if (level.has(s0)) continue;
      level.set(s0, -1); // on the stack: an edge back to it (a cycle) counts as level -1
      const stack = [[s0, 0]];
      while (stack.length) {
        const top = stack[stack.length - 1], u = top[0], a = out[u];
        if (top[1] < a.length) {
          const v = a[top[1]];
          top[1] += 2;
          if (shown.has(v) && !level.has(v)) { level.set(v, -1); stack.push([v, 0]); }
          continue;
        }
        let lv = 0;
        for (let k = 0; k < a.length; k += 2) if (a[k] !== u && shown.has(a[k])) lv = Math.max(lv, level.get(a[k]) + 1);
        level.set(u, lv);
        stack.pop();
      }
    }
    return level;
  }

  /* The whole graph past DAGRE_MAX: one band per level, the highest on top, each band's boxes
     in name order (so a module's declarations sit together) packed in rows; straight faint
     edges, highlighted when a box is hovered. */
  function levelModel(st, ids) {
    const level = levels(ids);
    const none = new Set();
    const nodes = new Map();
    const byLevel = new Map();
    for (const i of ids) {
      const n = declBox(i, st, -1, none, none, none);
      nodes.set(i, n);
      const lv = level.get(i);
      if (!byLevel.has(lv)) byLevel.set(lv, []);
      byLevel.get(lv).push(n);
    }
    const bands = [...byLevel.keys()].sort((a, b) => b - a).map((lv) => ({
      label: `level ${lv}: ${byLevel.get(lv).length} declaration${byLevel.get(lv).length === 1 ? "" : "s"}` + (lv ? "" : " that use nothing else shown"),
      nodes: byLevel.get(lv).sort((a, b) => (S.names[a.id] < S.names[b.id] ? -1 : 1)),
    }));
    let widest = 0;
    for (const n of nodes.values()) widest = Math.max(widest, n.w + 4 * PAD);
    // rows as long as the canvas is wide at 11 px labels: the page scrolls down, not across
    const W = Math.max(widest, Math.floor(((canvas.offsetWidth || 800) - scrollbarWidth()) / MIN_SCALE));
    const height = flow(bands, W, true);
    const bulk = [];
    let count = 0;
    for (const u of ids) {
      const a = out[u];
      for (let k = 0; k < a.length; k += 2) {
        if (a[k] === u || !nodes.has(a[k])) continue;
        const [p, q] = clip(nodes.get(u), nodes.get(a[k]));
        bulk.push(`M${p[0] | 0},${p[1] | 0}L${q[0] | 0},${q[1] | 0}`);
        count++;
      }
    }
    const hover = (id) => {
      const mine = [];
      for (const [adj, down] of [[out, true], [inn, false]]) {
        const a = adj[id];
        for (let k = 0; k < a.length; k += 2) {
          if (a[k] === id || !nodes.has(a[k])) continue;
          const [u, v] = down ? [id, a[k]] : [a[k], id];
          mine.push({ a: u, b: v, pts: clip(nodes.get(u), nodes.get(v)), cls: "far hot" + (a[k + 1] === PROOF ? " proof" : ""), arrow: "arrow-why" });
        }
      }
      return mine;
    };
    return {
      nodes: [...nodes.values()], edges: [], bulk: bulk.join(""), hover, edgeCount: count, groups: bands.map((b) => b.rect),
      width: W, height, k: MIN_SCALE, top: true, f: -1, derived: new Map(), path: [], dropped: 0, levels: bands.length,
    };
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
      if (m.derived.has(i)) AX.derivedMark(li, m.derived.get(i), (n) => focusUrl(st, n), focusUrl(st, st.focus, { why: S.names[i] }));
    }, rec.nuse));
    const users = [];
    for (let k = 0; k < inn[f].length; k += 2) users.push(inn[f][k]);
    users.sort((a, b) => (S.names[a] < S.names[b] ? -1 : 1));
    info.append(nameList("Used directly by", users, "users-list"));
  }

  function mapPanel(st, m) {
    info.replaceChildren();
    const p = el("p", null, "Each box is an assumption or conjecture: click it to open its page, hover it for its full name and to light up its lines; hover a line for the discharge or separation behind it.");
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
    lineBoxes.forEach((b) => { b.checked = st.lines.includes(b.value); });
    focusInput.value = st.focus;
    const unknown = st.asked && !st.focus ? `No declaration named ${st.asked}. ` : "";
    // Measuring the canvas for the next drawing must not lay out the last one again.
    svg.replaceChildren();
    viewport = null;
    if (!statusEl.textContent) statusEl.textContent = "Drawing…";
    if (st.view === "map" || (st.view === "focus" && !st.focus)) {
      const m = mapModel(st);
      const cut = m.shown < S.hyps.length ? ` (the ${m.shown} required by the most results are drawn; search the index for the others)` : "";
      statusEl.textContent = unknown + `Assumption map: ${S.hyps.length} assumptions and conjectures${cut} in ${m.areas} area${m.areas === 1 ? "" : "s"}, ${m.implications} implication${m.implications === 1 ? "" : "s"} from discharges` + (m.joint ? ` and ${m.joint} joint discharge${m.joint === 1 ? "" : "s"}` : "") + (m.separations ? `, ${m.separations} separation${m.separations === 1 ? "" : "s"} (A does not imply B)` : "") +
        (st.lines.length < 2 ? `; drawn: ${st.lines.map((x) => (x === "implies" ? "implications" : "separations")).join(", ") || "no lines"}.` : ".");
      draw(m, null);
      mapPanel(st, m);
      $("graph-h").textContent = "Assumption map";
      document.title = `Assumption map · ${S.title} · axiomdl explorer`;
    } else {
      adjacency();
      const many = st.view === "all" ? visible(st).ids.length : 0;
      if (many > MAX_WHOLE) {
        info.replaceChildren(el("p", null, "Pick a declaration to focus on."));
        statusEl.textContent = `The whole graph has ${many} declarations to show, more than the ${MAX_WHOLE} this page draws: focus on a declaration, hide kinds, or export it with axiomdl graph -f dot.`;
        window.axiomdlReadyMs = performance.now();
        document.body.dataset.ready = "1";
        return;
      }
      const rec = st.view === "focus" ? await AX.record(index.get(st.focus)) : null;
      if (seq !== renderSeq) return;
      const m = layeredModel(st, rec);
      statusEl.textContent = `${m.nodes.length} declarations, ${m.edgeCount === undefined ? m.edges.length : m.edgeCount} edges shown` +
        (st.view === "focus" ? ` around ${st.focus} (depth ${st.depth}, ${dirSel.options[dirSel.selectedIndex].text})` : m.levels ? ` (whole graph, in ${m.levels} levels)` : " (whole graph)") +
        (m.dropped ? `; ${m.dropped} more within that depth are not drawn (lower the depth or hide kinds)` : "");
      draw(m, m.f >= 0 ? m.nodes.find((n) => n.id === m.f) : null);
      if (rec) focusPanel(st, m, rec);
      else info.replaceChildren(el("p", null, m.levels
        ? "The whole graph, one band per level: each declaration sits above everything it uses, in name order within its band. Hover a box to light up its edges; click it to focus on it."
        : "The whole graph. Click a node to focus on it."));
      $("graph-h").textContent = st.view === "all" ? "Whole dependency graph" : "Dependency graph around " + st.focus;
      document.title = (st.focus ? shortName(st.focus) + " · " : "") + `Graph · ${S.title} · axiomdl explorer`;
    }
    window.axiomdlReadyMs = performance.now();
    document.body.dataset.ready = "1";
  }

  /* hovering a node lights up its edges */
  svg.addEventListener("mouseover", (e) => {
    const a = e.target.closest && e.target.closest("a.node");
    svg.querySelectorAll("path.hot").forEach((p) => p.classList.remove("hot"));
    if (hoverEdges) hoverLayer.replaceChildren();
    if (!a) return;
    const id = a.dataset.id;
    if (hoverEdges) { hoverLayer.append(...hoverEdges(Number(id)).map(edgePath)); return; }
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
  lineBoxes.forEach((b) => b.addEventListener("change", () => go({ view: "map", lines: lineBoxes.filter((x) => x.checked).map((x) => x.value) })));
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
