"""Forward chaining over Horn clauses ``A₁ ∧ … ∧ Aₖ ⇒ B``, with the derivation of each fact.

Discharges are Horn clauses over assumption names; closing a set of assumptions
under them is linear in the clauses' total size (a counter per clause).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from axiomdl.lattice.read import Clause


@dataclass
class Derivation:
    """The discharges (premises first), whether a presupposition was used, and the seed
    facts a derived fact rests on."""

    via: list[str] = field(default_factory=list)
    presupposed: bool = False
    seeds: list[str] = field(default_factory=list)


@dataclass
class Closed:
    """A closed set of facts (``how``: fact → the clause deriving it, None for a seed)
    and, per clause touched, how many of its premises are still missing."""

    how: dict[str, int | None]
    left: dict[int, int]


class Horn:
    """The clauses of one lattice, indexed for repeated closures."""

    def __init__(self, clauses: list[Clause]) -> None:
        self.clauses = [c for c in clauses if c.premises]
        self.watch: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self.clauses):
            for p in c.premises:
                self.watch[p].append(i)
        self.count = [len(c.premises) for c in self.clauses]

    def close(self, seed: set[str] | frozenset[str]) -> dict[str, int | None]:
        """Every assumption that follows from ``seed``, mapped to the clause deriving it
        (``None`` for the seed itself)."""
        return self.state(seed).how

    def state(self, seed: set[str] | frozenset[str]) -> Closed:
        """The closure of ``seed`` with its clause counters, to extend by more facts."""
        # sorted: a set's order varies with the process's string-hash seed, and the
        # order decides which of several equal derivations is reported
        ordered = sorted(seed)
        st = Closed(dict.fromkeys(ordered), {})
        self._chain(st.how, st.left, {}, {}, ordered[::-1])
        return st

    def extend(self, st: Closed, extra: set[str] | frozenset[str] | tuple[str, ...]) -> set[str]:
        """What ``extra`` adds to the closed ``st`` (its new facts; ``st`` is unchanged):
        forward chaining from the new facts alone, so a search that tries many small
        additions to one large base pays for the clauses they touch, not for the base."""
        new: dict[str, int | None] = {x: None for x in sorted(extra) if x not in st.how}
        self._chain(new, {}, st.left, st.how, sorted(new, reverse=True))
        return set(new)

    def _chain(
        self,
        how: dict[str, int | None],
        left: dict[int, int],
        base_left: dict[int, int],
        base_how: dict[str, int | None],
        queue: list[str],
    ) -> None:
        """Forward chaining from ``queue``: ``how`` and ``left`` gain what follows, on top of
        a closed state (``base_how``, ``base_left``) that is read, never written."""
        count, clauses, watch = self.count, self.clauses, self.watch
        while queue:
            for i in watch.get(queue.pop(), ()):
                k = left.get(i, base_left.get(i, count[i])) - 1
                left[i] = k
                if k == 0:
                    b = clauses[i].conclusion
                    if b not in how and b not in base_how:
                        how[b] = i
                        queue.append(b)

    def via(self, how: dict[str, int | None], target: str) -> tuple[list[str], bool]:
        """(discharges used to derive ``target``, premises first; whether a presupposition
        was used)."""
        d = self.derivation(how, target)
        return d.via, d.presupposed

    def derivation(self, how: dict[str, int | None], target: str) -> Derivation:
        """How ``target`` was derived: the discharges, presuppositions and seed facts used."""
        d = Derivation()
        atoms: set[str] = set()
        stack: list[tuple[str, bool]] = [(target, False)]
        while stack:
            a, done = stack.pop()
            i = how.get(a)
            if i is None:
                if a in how and a not in d.seeds:
                    d.seeds.append(a)
                continue
            c = self.clauses[i]
            if done:
                if c.by is None:
                    d.presupposed = True
                elif c.by not in d.via:
                    d.via.append(c.by)
                continue
            if a in atoms:
                continue
            atoms.add(a)
            stack.append((a, True))
            stack.extend((p, False) for p in sorted(c.premises, reverse=True))
        d.seeds.sort()
        return d
