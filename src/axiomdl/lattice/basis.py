"""The minimal basis: the fewest required assumptions from which the others follow.

The basis is chosen *among* the assumptions the library's theorems require, so it is
an equivalent axiomatisation: its members imply every requirement by proved
discharges, and the requirements include it. (A stronger assumption outside the set
could cover more with fewer names, but it would assume more, not explain the same.)

Finding it is a set-cover problem over Horn clauses. Exactly:

1. an assumption that the *other* requirements do not imply is in every basis;
2. what remains splits into parts that no discharge connects, solved separately;
3. each part is searched by increasing size, every subset of that size in turn, so
   the first size that covers the part is its minimum.

Step 3 stops after ``budget`` closures: the part is then covered greedily, and the
result says it is an upper bound, with the largest size ruled out as a lower bound.
"""

from __future__ import annotations

from itertools import combinations

from axiomdl.lattice.build import LatticeData
from axiomdl.lattice.models import BasisDerivation, BasisMember, MinimalBasis
from axiomdl.session import Session

BUDGET = 200_000  # closures per part before the search falls back to greedy
CHOICES_CAP = 5


def required_by_theorems(s: Session, data: LatticeData) -> list[str]:
    """Assumptions (and conjectures) that some theorem of the library requires."""
    a = s.analysis
    bits = 0
    for n, role in a.roles.items():
        if role == "theorem" and n in s.project.decls:
            bits |= a.requires_bits(n)
    hyps = set(data.hyps)
    return [x for x in a.names(bits) if x in hyps]


def _parts(data: LatticeData, targets: list[str]) -> list[list[str]]:
    """Group ``targets`` by the connected parts of the clause graph (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in data.horn.clauses:
        root = find(c.conclusion)
        for p in c.premises:
            parent[find(p)] = root
    groups: dict[str, list[str]] = {}
    for t in targets:
        groups.setdefault(find(t), []).append(t)
    return [sorted(g) for _, g in sorted(groups.items(), key=lambda kv: sorted(kv[1]))]


def _solve(
    data: LatticeData, base: set[str], part: list[str], budget: int
) -> tuple[list[list[str]], bool, int]:
    """Minimum subsets of ``part`` covering it (with ``base``): (choices, exact, lower bound)."""
    need = set(part)
    spent = 0
    for k in range(1, len(part) + 1):
        found: list[list[str]] = []
        for combo in combinations(part, k):
            spent += 1
            if spent > budget:
                return [_greedy(data, base, part)], False, k
            if need <= data.horn.close(base | set(combo)).keys():
                found.append(list(combo))
        if found:
            return found, True, k
    return [part], True, len(part)  # unreachable: the part covers itself


def _greedy(data: LatticeData, base: set[str], part: list[str]) -> list[str]:
    """Add the member covering most of what is still missing, until nothing is."""
    chosen: list[str] = []
    have = set(data.horn.close(base))
    while not set(part) <= have:
        best = max(
            (x for x in part if x not in have),
            key=lambda x: (len(set(part) & data.horn.close(have | {x}).keys()), x),
        )
        chosen.append(best)
        have = set(data.horn.close(have | {best}))
    return sorted(chosen)


def minimal_basis(s: Session, data: LatticeData, budget: int = BUDGET) -> MinimalBasis:
    """The report's minimal basis, with each member's independence."""
    required = required_by_theorems(s, data)
    req = set(required)
    mandatory = {r for r in required if r not in data.horn.close(req - {r})}
    covered = set(data.horn.close(mandatory))
    basis = set(mandatory)
    exact = True
    lower = len(mandatory)
    choices: list[list[list[str]]] = []
    for part in _parts(data, [r for r in required if r not in covered]):
        found, ok, k = _solve(data, covered, part, budget)
        exact &= ok
        lower += k  # every smaller subset of the part was tried and failed
        basis.update(found[0])
        if len(found) > 1:
            choices.append(found[:CHOICES_CAP])
    how = data.horn.close(basis)
    derived = []
    for r in required:
        if r not in basis:
            alone = next((m for m in sorted(basis) if data.implies(m, r)), None)
            # one member implying it alone makes the shortest story; else the joint derivation
            d = data.horn.derivation(data.closure(alone) if alone else how, r)
            derived.append(
                BasisDerivation(
                    name=r, members=d.seeds, via=d.via, presupposed=d.presupposed and not d.via
                )
            )
    members = [_member(s, data, b, basis) for b in sorted(basis)]
    return MinimalBasis(
        required=required,
        members=members,
        derived=derived,
        exact=exact,
        lower_bound=lower,
        choices=choices,
    )


def _member(s: Session, data: LatticeData, b: str, basis: set[str]) -> BasisMember:
    """Is ``b`` proved independent of the other members of its area?"""
    area = s.project.decls[b].meta.get("area")
    others = sorted(x for x in basis if x != b and s.project.decls[x].meta.get("area") == area)
    if not others:
        return BasisMember(name=b, area=area, independence="alone-in-area")
    by = [m.name for m in data.models if b in m.refuted and set(others) <= m.model]
    apart = [x for x in others if (x, b) in data.non_impl]
    return BasisMember(
        name=b,
        area=area,
        independence="proved" if by else "not-shown",
        by=by,
        not_implied_by=apart,
        undecided=[x for x in others if x not in apart],
    )
