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

from collections.abc import Callable
from itertools import combinations

from axiomdl.lattice.build import LatticeData
from axiomdl.lattice.models import BasisDerivation, BasisMember, MinimalBasis
from axiomdl.session import Session

BUDGET = 200_000  # closures per part before the search falls back to greedy
CHOICES_CAP = 5
UNDECIDED_LISTED = 50  # per member: the full lists grow with the square of the basis


def required_by_theorems(
    s: Session, data: LatticeData, listed: Callable[[str], bool] | None = None
) -> list[str]:
    """Assumptions (and conjectures) that some theorem of the library requires (``listed``:
    only the theorems it accepts, such as a project's own, not its dependencies')."""
    a = s.analysis
    bits = 0
    for n, role in a.roles.items():
        if role == "theorem" and n in s.project.decls and (listed is None or listed(n)):
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
    closed = data.horn.state(base)  # each subset extends the base's closure
    need = set(part) - closed.how.keys()  # what a subset must add (checked per subset)
    spent = 0
    for k in range(1, len(part) + 1):
        found: list[list[str]] = []
        for combo in combinations(part, k):
            spent += 1
            if spent > budget:
                return [_greedy(data, base, part)], False, k
            if need <= data.horn.extend(closed, combo):
                found.append(list(combo))
        if found:
            return found, True, k
    return [part], True, len(part)  # unreachable: the part covers itself


def _underivable(data: LatticeData, required: list[str]) -> set[str]:
    """The requirements the *other* requirements do not imply (in every basis).

    ``r`` follows from the others exactly when some clause ``P ⇒ r`` has all of ``P``
    following from them. So ``r`` is underivable at once when no clause concludes it, and
    derivable at once when a clause's premises are all other requirements; only the rest
    needs a closure (one per requirement was quadratic: minutes at 4,500 requirements).
    """
    req = set(required)
    by_conclusion: dict[str, list[frozenset[str]]] = {}
    for c in data.horn.clauses:
        by_conclusion.setdefault(c.conclusion, []).append(frozenset(c.premises))
    out: set[str] = set()
    for r in required:
        ways = by_conclusion.get(r)
        if not ways:
            out.add(r)
        elif any(r not in p and p <= req for p in ways):
            continue
        elif r not in data.horn.close(req - {r}):
            out.add(r)
    return out


def _greedy(data: LatticeData, base: set[str], part: list[str]) -> list[str]:
    """Add the member covering most of what is still missing, until nothing is."""
    chosen: list[str] = []
    closed = data.horn.state(base)
    want = set(part)
    while not want <= closed.how.keys():
        best = max(
            (x for x in part if x not in closed.how),
            key=lambda x: (len(want & (data.horn.extend(closed, (x,)) | closed.how.keys())), x),
        )
        chosen.append(best)
        closed = data.horn.state(set(closed.how) | {best})
    return sorted(chosen)


def minimal_basis(
    s: Session,
    data: LatticeData,
    budget: int = BUDGET,
    listed: Callable[[str], bool] | None = None,
) -> MinimalBasis:
    """The report's minimal basis, with each member's independence (``listed``: of the
    requirements of the theorems it accepts)."""
    required = required_by_theorems(s, data, listed)
    mandatory = _underivable(data, required)
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
    by_area: dict[str | None, list[str]] = {}
    for b in sorted(basis):
        by_area.setdefault(s.project.decls[b].meta.get("area"), []).append(b)
    members = [_member(s, data, b, by_area) for b in sorted(basis)]
    return MinimalBasis(
        required=required,
        members=members,
        derived=derived,
        exact=exact,
        lower_bound=lower,
        choices=choices,
    )


def _member(
    s: Session, data: LatticeData, b: str, by_area: dict[str | None, list[str]]
) -> BasisMember:
    """Is ``b`` proved independent of the other members of its area (``by_area``: the
    basis members per area, sorted)?"""
    area = s.project.decls[b].meta.get("area")
    others = [x for x in by_area[area] if x != b]
    if not others:
        return BasisMember(name=b, area=area, independence="alone-in-area")
    by = [m.name for m in data.models if b in m.refuted and set(others) <= m.model]
    apart = [x for x in others if (x, b) in data.non_impl]
    undecided = [x for x in others if (x, b) not in data.non_impl]
    return BasisMember(
        name=b,
        area=area,
        independence="proved" if by else "not-shown",
        by=by,
        not_implied_by=apart,
        undecided=undecided[:UNDECIDED_LISTED],
        undecided_count=len(undecided),
    )
