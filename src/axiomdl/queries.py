"""requires / establishes / uses, why, impact and unused — memoised over the condensation.

Assumption sets are Python-int bitsets indexed by assumption. Two passes over
condensed DAGs (one for the definitional "bundle" closure, one for full
reachability) make a whole-library report linear in edges.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable

import networkx as nx

from axiomdl.errors import AxiomdlError

HYPOTHESIS_ROLES = frozenset({"assumption", "conjecture"})
DEFINITION_ROLES = frozenset({"definition"})
# A separation exhibits a model (like a witness): it is a result, but rests on nothing it shows.
RESULT_ROLES = frozenset({"theorem", "discharge", "witness", "separation"})
USER_ROLES = frozenset({"theorem", "discharge"})  # results that rest on what they use


def _closure(
    nodes: list[str], succ: dict[str, Iterable[str]], own: dict[str, int]
) -> dict[str, int]:
    """For every node, OR of ``own`` bits over everything reachable (itself included).

    Iterative Tarjan SCC; components come out in reverse topological order, so
    each component's successors are already final when it is reached.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: dict[str, int] = {}
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                    advanced = True
                    break
                if w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
            if advanced:
                continue
            work.pop()
            if work:
                u = work[-1][0]
                if low[v] < low[u]:
                    low[u] = low[v]
            if low[v] == index[v]:
                comp: list[str] = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                bits = 0
                members = set(comp)
                for c in comp:
                    bits |= own.get(c, 0)
                    for t in succ.get(c, ()):
                        if t not in members:
                            bits |= result[t]
                for c in comp:
                    result[c] = bits
    return result


class Analysis:
    """Answers dependency queries over one graph, computing every set once."""

    def __init__(
        self,
        g: nx.DiGraph,
        mode: str = "static",
        memo: dict | None = None,
        load_reach: Callable[[], dict[str, int] | None] | None = None,
    ) -> None:
        """``memo`` (:meth:`memo` of an Analysis of this same graph, ``reach`` optional)
        and ``load_reach`` (returns that ``reach``, or None) make a warm start."""
        self.g = g
        self.mode = mode
        roles = nx.get_node_attributes(g, "role")
        self.roles: dict[str, str] = roles
        self.hyps = sorted(n for n, r in roles.items() if r in HYPOTHESIS_ROLES)
        self.bit = {n: 1 << i for i, n in enumerate(self.hyps)}
        self._req: dict[str, int] = {}
        self._reach: dict[str, int] | None = None
        self._load_reach = load_reach
        self._lone_budget = len(g)  # nodes the searches of single uses queries may visit
        if memo is not None and memo.get("hyps") == self.hyps:  # a warm start
            self.bundle: dict[str, int] = memo["bundle"]
            self._reach = memo.get("reach")
        else:
            self.bundle = self._bundle_closure()

    def _bundle_closure(self) -> dict[str, int]:
        # bundle[n]: assumptions a definition bundles -- through its value and fields,
        # not its binders (a def taking `E : InnerProductSpace` does not bundle it).
        roles, succ = self.roles, self.g._succ
        def_succ: dict[str, list[str]] = {}
        def_own: dict[str, int] = {}
        for n in self.g.nodes:
            if roles.get(n) not in DEFINITION_ROLES:
                continue
            body = [t for t, a in succ[n].items() if a["position"] != "hypothesis"]
            def_succ[n] = [t for t in body if roles.get(t) in DEFINITION_ROLES]
            b = 0
            for t in body:
                b |= self.bit.get(t, 0)
            def_own[n] = b
        return _closure(list(def_succ), def_succ, def_own)

    @property
    def reach(self) -> dict[str, int]:
        """reach[n]: every assumption reachable from n, n's own bit included (one pass)."""
        if self._reach is None:
            loaded = self._load_reach() if self._load_reach is not None else None
            self._reach = loaded if isinstance(loaded, dict) else None
            if self._reach is None:
                self._reach = _closure(list(self.g.nodes), self.g._succ, self.bit)
        return self._reach

    def memo(self) -> dict:
        """The whole-graph sets, for a cache to restore (requires sets are cheap to redo)."""
        return {"hyps": self.hyps, "bundle": self.bundle, "reach": self.reach}

    # -- sets -------------------------------------------------------------
    def _expand(self, targets: Iterable[str]) -> int:
        b = 0
        for t in targets:
            b |= self.bit.get(t, 0) | self.bundle.get(t, 0)
        return b

    def requires_bits(self, n: str) -> int:
        """Assumptions in hypothesis positions of ``n``'s statement, bundles unfolded."""
        b = self._req.get(n)
        if b is None:
            b = self._expand(t for t, a in self.g._succ[n].items() if a["position"] == "hypothesis")
            self._req[n] = b
        return b

    def establishes_bits(self, n: str) -> int:
        """Assumptions in the conclusion of ``n``'s statement."""
        return self._expand(t for t, a in self.g._succ[n].items() if a["position"] == "conclusion")

    def uses_bits(self, n: str) -> int:
        """Everything reachable through hypotheses and the proof, plus requires.

        Until ``reach`` exists, calls search from ``n`` alone, within a budget of
        one graph's worth of nodes (a warm ``rests-on`` then never computes or
        loads the whole-graph pass; a whole-library query soon switches to it).
        """
        b = self.requires_bits(n)
        targets = [t for t, a in self.g._succ[n].items() if a["position"] != "conclusion"]
        if self._reach is None and self._lone_budget > 0:
            found = self._reachable_bits(targets)
            if found is not None:
                return b | found
        reach = self.reach
        for t in targets:
            b |= reach[t]
        return b

    def _reachable_bits(self, roots: list[str]) -> int | None:
        """OR of the own bits of every node reachable from ``roots`` (= OR of their reach),
        or None once the searches together have visited as many nodes as the graph has
        (then the whole-graph pass is cheaper)."""
        succ, bit = self.g._succ, self.bit
        seen = set(roots)
        stack = list(roots)
        b = 0
        while stack:
            v = stack.pop()
            b |= bit.get(v, 0)
            for w in succ[v]:
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
            if len(seen) > self._lone_budget:
                self._lone_budget = 0
                return None
        self._lone_budget -= len(seen)
        return b

    def names(self, bits: int) -> list[str]:
        """Decode a bitset into sorted assumption names (cost: one step per set bit)."""
        out = []
        hyps = self.hyps
        while bits:
            low = bits & -bits
            out.append(hyps[low.bit_length() - 1])
            bits ^= low
        return out

    def requires(self, n: str) -> list[str]:
        """requires(n) as names."""
        return self.names(self.requires_bits(self.check(n)))

    def establishes(self, n: str) -> list[str]:
        """establishes(n) as names."""
        return self.names(self.establishes_bits(self.check(n)))

    def uses(self, n: str) -> list[str]:
        """uses(n) as names."""
        return self.names(self.uses_bits(self.check(n)))

    def all_requires(self) -> dict[str, list[str]]:
        """requires for every result in the graph (one pass)."""
        return {
            n: self.names(self.requires_bits(n)) for n, r in self.roles.items() if r in RESULT_ROLES
        }

    # -- paths and impact -------------------------------------------------
    def check(self, n: str) -> str:
        """Return ``n`` if it is a node, else raise a usage error with suggestions."""
        if n in self.g:
            return n
        raise AxiomdlError(unknown_name_message(n, self.g.nodes))

    def why(
        self, src: str, dst: str, *, through_proof: bool = False
    ) -> list[tuple[str, str, str, str]]:
        """Shortest path from ``src`` to ``dst`` as (source, target, label, position) steps.

        With ``through_proof``, the first step avoids ``src``'s own conclusion: the
        path then explains how a proof *uses* ``dst`` rather than that it states it.
        """
        self.check(src)
        self.check(dst)
        if not through_proof:
            try:
                path = nx.bidirectional_shortest_path(self.g, src, dst)
            except nx.NetworkXNoPath:
                return []
        else:
            path = self._bfs_avoiding_conclusion(src, dst)
        return [
            (u, v, self.g[u][v]["label"], self.g[u][v]["position"])
            for u, v in itertools.pairwise(path)
        ]

    def _bfs_avoiding_conclusion(self, src: str, dst: str) -> list[str]:
        succ = self.g._succ
        parent: dict[str, str] = {}
        queue: deque[str] = deque()
        first = sorted(succ[src].items(), key=lambda ta: self.roles.get(ta[0]) != "discharge")
        for t, a in first:
            if a["position"] != "conclusion" and t not in parent:
                parent[t] = src
                queue.append(t)
        while queue:
            u = queue.popleft()
            if u == dst:
                path = [u]
                while path[-1] != src:
                    path.append(parent[path[-1]])
                return path[::-1]
            # discharges first: among equally short paths, show the one that derives
            nxt = sorted(succ[u], key=lambda t: self.roles.get(t) != "discharge")
            for t in nxt:
                if t not in parent and t != src:
                    parent[t] = u
                    queue.append(t)
        return []

    def impact(self, a: str) -> tuple[list[str], list[str], list[str]]:
        """(statement, proof, bundles): what falls if assumption ``a`` is dropped."""
        self.check(a)
        if a not in self.bit:
            raise AxiomdlError(f"`{a}` is a {self.roles.get(a)}, not an assumption or conjecture")
        bit = self.bit[a]
        statement, proof, bundles = [], [], []
        for n, r in self.roles.items():
            if n == a:
                continue
            if r in RESULT_ROLES:
                if self.requires_bits(n) & bit:
                    statement.append(n)
                elif self.uses_bits(n) & bit and not self.establishes_bits(n) & bit:
                    # a discharge or witness *producing* `a` does not fall with it
                    proof.append(n)
            elif (self.bundle.get(n, 0) | self._direct(n)) & bit:
                bundles.append(n)
        return sorted(statement), sorted(proof), sorted(bundles)

    def _direct(self, n: str) -> int:
        b = 0
        for t in self.g._succ[n]:
            b |= self.bit.get(t, 0)
        return b

    def used_by(self) -> dict[str, int]:
        """For every assumption, how many theorems and discharges fall if it is dropped
        (``impact``'s statement + proof lists without witnesses): the one "used by" number
        of the report, the site and ``unused``.

        Witnesses exhibit an assumption rather than rest on it, and a discharge that only
        *establishes* it does not count either.
        """
        counts = dict.fromkeys(self.hyps, 0)
        for n, r in self.roles.items():
            if r not in USER_ROLES:
                continue
            bits = (self.uses_bits(n) & ~self.establishes_bits(n)) | self.requires_bits(n)
            bits &= ~self.bit.get(n, 0)
            while bits:
                low = bits & -bits
                counts[self.hyps[low.bit_length() - 1]] += 1
                bits ^= low
        return counts

    def unused(self) -> list[str]:
        """Assumptions that no result requires or uses (``used_by`` is 0)."""
        counts = self.used_by()
        return [a for a in self.hyps if self.roles[a] == "assumption" and not counts[a]]


def unknown_name_message(name: str, candidates: Iterable[str]) -> str:
    """`unknown declaration X; did you mean ...?` with close matches by full and short name."""
    import difflib

    cands = list(candidates)
    short = {c.rsplit(".", 1)[-1]: c for c in cands}
    hits = [c for c in cands if c.endswith("." + name)]
    hits += [
        short[s]
        for s in difflib.get_close_matches(name.rsplit(".", 1)[-1], list(short), n=3, cutoff=0.6)
    ]
    hits += difflib.get_close_matches(name, cands, n=3, cutoff=0.6)
    seen: list[str] = []
    for h in hits:
        if h not in seen:
            seen.append(h)
    msg = f"unknown declaration `{name}`"
    if seen:
        msg += "; did you mean " + ", ".join(f"`{s}`" for s in seen[:3]) + "?"
    return msg
