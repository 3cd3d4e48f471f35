"""How a result obtains the assumptions its proof uses but its statement does not require.

An assumption A that a proof of T uses is *derived* only when a discharge is on the
way: some result D reachable from T's hypotheses or proof whose conclusion
establishes A (``StrongConvex f μ → PL f μ``). Reaching A through an ordinary
hypothesis of a lemma is not a derivation.

A lemma L that T's proof applies directly needs L's requirements. When one of them,
A, is neither required nor established by T, nor derived by a discharge, nor
available from T's hypotheses or statement (by projection, ``extends`` or a bundle;
the statement counts because a proof of ``¬ A`` or ``A → B`` receives ``A``), nor
named in T's own proof, nor provided by an instance (type-class search is invisible to
a static reading), the proof as written cannot typecheck: that is a finding. A proof
that may build a structure without naming it (an anonymous constructor ``⟨…⟩``, a
structure instance, a ``where`` block or a tactic block: the scanner's
``builds_inline`` flag) gets no finding: a static reading cannot tell what it built.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from axiomdl.queries import RESULT_ROLES, Analysis


@dataclass
class Derivations:
    """For one result: assumptions derived (with the path to the discharge and on to the
    assumption) and assumptions a lemma needs that nothing supplies (with that lemma)."""

    derived: dict[str, list[str]] = field(default_factory=dict)
    unsupported: dict[str, str] = field(default_factory=dict)


def _instance_established(a: Analysis) -> int:
    """Assumptions some instance establishes: type-class search may supply them anywhere."""
    bits = 0
    for n, kind in a.g.nodes(data="kind"):
        if kind == "instance":
            bits |= a.establishes_bits(n)
    return bits


class DerivationIndex:
    """Derivations of every result of one analysis, computed on demand and memoised."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self._by_instance: int | None = None
        self._memo: dict[str, Derivations] = {}

    def of(self, name: str) -> Derivations:
        """What ``name`` derives through a discharge, and what it needs but lacks."""
        hit = self._memo.get(name)
        if hit is None:
            hit = self._memo[name] = self._compute(name)
        return hit

    def _compute(self, t: str) -> Derivations:
        a = self.a
        succ = a.g._succ
        req = a.requires_bits(t)
        est = a.establishes_bits(t)
        out = Derivations()
        open_bits = a.uses_bits(t) & ~req & ~est
        needed = 0
        lemma_of: dict[int, str] = {}
        provided = req | est
        for s, attrs in succ[t].items():
            if attrs["position"] in ("hypothesis", "conclusion"):
                provided |= a.reach.get(s, 0)
            provided |= a.bit.get(s, 0)  # built or named in the proof itself
            if attrs["position"] != "conclusion" and a.roles.get(s) in RESULT_ROLES:
                for low in _bits(a.requires_bits(s) & ~needed):
                    lemma_of[low] = s
                needed |= a.requires_bits(s)
        want = open_bits | (needed & ~provided)
        if not want:
            return out
        found = self._discharges(t, want)
        for low, path in found.items():
            if low & open_bits:
                out.derived[a.names(low)[0]] = path
        lacking = needed & ~provided
        if a.g.nodes[t].get("builds"):
            lacking = 0
        for low in _bits(lacking):
            if low in found:
                continue
            if self._by_instance is None:
                self._by_instance = _instance_established(a)
            if low & self._by_instance:
                continue
            out.unsupported[a.names(low)[0]] = lemma_of[low]
        return out

    def _discharges(self, t: str, want: int) -> dict[int, list[str]]:
        """Shortest paths from ``t`` (leaving through its hypotheses or proof) to a result
        establishing each wanted assumption, ending at the assumption."""
        a = self.a
        succ = a.g._succ
        parent: dict[str, str] = {}
        queue: deque[str] = deque()
        for s, attrs in succ[t].items():
            if attrs["position"] != "conclusion" and s not in parent:
                parent[s] = t
                queue.append(s)
        found: dict[int, list[str]] = {}
        while queue and want:
            u = queue.popleft()
            if a.roles.get(u) in RESULT_ROLES:
                for low in _bits(a.establishes_bits(u) & want):
                    path = [u]
                    while path[-1] != t:
                        path.append(parent[path[-1]])
                    found[low] = [*path[::-1], a.names(low)[0]]
                    want &= ~low
            for s in succ[u]:
                if s not in parent and s != t:
                    parent[s] = u
                    queue.append(s)
        return found


def _bits(x: int) -> list[int]:
    out = []
    while x:
        low = x & -x
        out.append(low)
        x ^= low
    return out
