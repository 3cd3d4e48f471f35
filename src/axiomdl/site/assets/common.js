/* Shared helpers for the explorer. Every untrusted string reaches the page through
   textContent or an attribute set by the DOM API, never through innerHTML. */
"use strict";
(function () {
  const S = window.AXIOMDL_SITE;
  const index = new Map();
  S.names.forEach((n, i) => index.set(n, i));

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
    return "#" + p.toString().replace(/\+/g, "%20");
  }

  function pageOf(i, prefix) { return (prefix || "") + "d/" + encodeURIComponent(S.slug[i]) + ".html"; }

  function shortName(n) {
    if (n.startsWith("example@")) return n;
    const k = n.lastIndexOf(".");
    return k >= 0 ? n.slice(k + 1) : n;
  }

  const ROLE_COLOUR = {
    assumption: "#E69F00", conjecture: "#CC79A7", discharge: "#009E73", witness: "#F0E442",
    theorem: "#56B4E9", definition: "#D9D9D9", axiom: "#D55E00",
  };
  const STATUS_COLOUR = {
    established: "#009E73", plausible: "#0072B2", contested: "#E69F00",
    "refuted-in-regime": "#D55E00",
  };

  window.AX = { S, index, el, readHash, hashOf, pageOf, shortName, ROLE_COLOUR, STATUS_COLOUR };
})();
