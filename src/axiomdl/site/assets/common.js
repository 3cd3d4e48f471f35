/* Shared helpers for the explorer. Every untrusted string reaches the page through
   textContent or an attribute set by the DOM API; Markdown goes through markdown-it with
   raw HTML off and then an allowlist of tags and link schemes (sanitise below). */
"use strict";
(function () {
  const S = window.AXIOMDL_SITE;
  const index = new Map();
  S.names.forEach((n, i) => index.set(n, i));
  const hypPos = new Map();
  S.hyps.forEach((i, k) => hypPos.set(i, k));

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function readHash() {
    const p = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    const out = {};
    for (const [k, v] of p.entries()) out[k] = v;
    return out;
  }

  function hashOf(state) {
    const p = new URLSearchParams();
    for (const k of Object.keys(state)) {
      const v = state[k];
      if (v !== undefined && v !== null && v !== "") p.set(k, v);
    }
    const s = p.toString().replace(/\+/g, "%20");
    return s ? "#" + s : "";
  }

  const declUrl = (name) => "decl.html" + hashOf({ name });
  const graphUrl = (state) => "graph.html" + hashOf(state);

  function shortName(n) {
    if (n.startsWith("example@")) return n;
    const k = n.lastIndexOf(".");
    return k >= 0 ? n.slice(k + 1) : n;
  }

  /* Long names are cut in the middle so both ends stay readable; the full name goes in a title. */
  function abbreviate(s, max) {
    if (s.length <= max) return s;
    const head = Math.ceil((max - 1) * 0.6);
    return s.slice(0, head) + "…" + s.slice(s.length - (max - 1 - head));
  }

  const statusOf = (i) => (S.status[i] >= 0 ? S.statuses[S.status[i]] : "");
  const statusClass = (s) => "status-" + (s || "unknown").toLowerCase().replace(/[^a-z-]/g, "");
  const roleOf = (i) => S.roles[S.role[i]];
  const reqBy = (i) => (hypPos.has(i) ? S.reqBy[hypPos.get(i)] : 0);
  const usedBy = (i) => (hypPos.has(i) ? S.usedBy[hypPos.get(i)] : 0);

  function statusBadge(st) {
    return el("span", { class: "status " + statusClass(st) }, st || "no status");
  }

  const ROLE_COLOUR = {
    assumption: "#E69F00", conjecture: "#CC79A7", discharge: "#009E73", witness: "#F0E442",
    theorem: "#56B4E9", definition: "#D9D9D9", axiom: "#D55E00", separation: "#C0392B",
  };
  const STATUS_FILL = {
    established: "#9BD8BE", plausible: "#9CC8EA", contested: "#F5CC7A",
    "refuted-in-regime": "#F0A07A",
  };

  /* Shards: data/d/K.js calls axiomdlShard(K, records); each shard is loaded once. */
  const shards = new Map();
  const waiting = new Map();
  window.axiomdlShard = (k, recs) => {
    shards.set(k, recs);
    const w = waiting.get(k);
    if (w) { waiting.delete(k); w.forEach((f) => f.ok(recs)); }
  };
  function loadShard(k) {
    if (shards.has(k)) return Promise.resolve(shards.get(k));
    return new Promise((ok, fail) => {
      if (waiting.has(k)) { waiting.get(k).push({ ok, fail }); return; }
      waiting.set(k, [{ ok, fail }]);
      const s = el("script", { src: "data/d/" + k + ".js" });
      s.onerror = () => {
        const w = waiting.get(k) || [];
        waiting.delete(k);
        w.forEach((f) => f.fail(new Error("cannot load data/d/" + k + ".js")));
      };
      document.head.append(s);
    });
  }
  function record(i) {
    const k = Math.floor(i / S.shard);
    return loadShard(k).then((recs) => recs[i - k * S.shard]);
  }

  /* Lean highlighting: a tokenizer into text nodes (nothing is parsed as HTML). */
  const KEYWORDS = new Set(("theorem lemma def structure class instance example abbrev where " +
    "fun let have show from by at with match if then else do return Prop Type Sort forall " +
    "exists calc extends mutual inductive axiom opaque namespace section end open variable " +
    "private protected noncomputable partial unsafe sorry admit").split(" "));
  const TOKEN = /(--[^\n]*|\/-[\s\S]*?-\/)|("(?:[^"\\]|\\.)*")|(«[^»]*»|[A-Za-z_\u00C0-\u024F\u0370-\u03FF\u1D00-\u1DBF\u2070-\u209F\u2100-\u214F][\w.'\u00C0-\u024F\u0370-\u03FF\u1D00-\u1DBF\u2070-\u209F\u2100-\u214F!?₀-₉]*)|(\d+(?:\.\d+)?)|(\s+)|([\s\S])/g;
  function highlightLean(text) {
    const frag = document.createDocumentFragment();
    let m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) {
      let cls = "";
      if (m[1]) cls = "tok-comment";
      else if (m[2]) cls = "tok-string";
      else if (m[3]) cls = KEYWORDS.has(m[3]) ? "tok-keyword" : "";
      else if (m[4]) cls = "tok-number";
      else if (m[6]) cls = /[:=→←↔∀∃∧∨¬≤≥<>+*\/^|-]/.test(m[6]) ? "tok-op" : "";
      frag.append(cls ? el("span", { class: cls }, m[0]) : document.createTextNode(m[0]));
    }
    return frag;
  }

  /* Markdown: markdown-it (raw HTML off), then only allowlisted tags and http(s)/mailto links. */
  const md = window.markdownit ? window.markdownit("commonmark", { html: false, linkify: false }) : null;
  const ALLOWED = new Set(["P", "BR", "HR", "EM", "STRONG", "CODE", "PRE", "A", "UL", "OL", "LI",
    "BLOCKQUOTE", "H3", "H4", "H5", "H6", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"]);
  function sanitise(node) {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) continue;
      if (child.nodeType !== 1) { child.remove(); continue; }
      let tag = child.tagName;
      if (tag === "H1" || tag === "H2") { // keep the page's own heading structure
        const h = document.createElement("h3");
        h.append(...child.childNodes);
        child.replaceWith(h);
        sanitise(h);
        continue;
      }
      if (!ALLOWED.has(tag)) { child.replaceWith(document.createTextNode(child.textContent)); continue; }
      const href = tag === "A" ? child.getAttribute("href") || "" : "";
      for (const a of [...child.attributes]) child.removeAttribute(a.name);
      if (tag === "A") {
        if (/^(https?:|mailto:)/i.test(href.trim())) {
          child.setAttribute("href", href.trim());
          child.setAttribute("rel", "noopener noreferrer nofollow");
        }
      }
      sanitise(child);
    }
    return node;
  }
  function markdown(text, inline) {
    const box = el("div", { class: inline ? "md-inline" : "doc" });
    if (!text) return box;
    if (!md) { box.textContent = text; return box; }
    const html = inline ? md.renderInline(text) : md.render(text);
    // An inert document: nothing in it loads or runs while it is being cleaned.
    const doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    sanitise(doc.body);
    box.append(...doc.body.childNodes);
    return box;
  }

  window.AX = {
    S, index, el, readHash, hashOf, declUrl, graphUrl, shortName, abbreviate, statusOf,
    statusClass, roleOf, reqBy, usedBy, statusBadge, ROLE_COLOUR, STATUS_FILL, record,
    loadShard, highlightLean, markdown,
  };
})();
