"""The weakest link of a result: the stated status of each assumption it requires.

One wording for ``rests-on``, the report and the explorer, so a reader sees the
same sentence everywhere ("rests on 1 contested and 1 refuted-in-regime assumption").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# From strongest to weakest support; a status outside this list counts as unknown.
STATUS_ORDER = ("established", "plausible", "contested", "refuted-in-regime")
UNKNOWN = "without a status"


def status_key(status: str | None) -> str:
    """The status as one of STATUS_ORDER, or UNKNOWN."""
    s = (status or "").strip().lower()
    return s if s in STATUS_ORDER else UNKNOWN


def weakness(statuses: Iterable[str | None]) -> int:
    """0 = requires nothing, 1 = only established, 2–4 = worst is plausible/contested/refuted,
    5 = some required assumption has no (known) status."""
    worst = 0
    for s in statuses:
        k = status_key(s)
        rank = 5 if k == UNKNOWN else STATUS_ORDER.index(k) + 1
        worst = max(worst, rank)
    return worst


def summary(statuses: Iterable[str | None]) -> str:
    """``rests on 2 established, 1 contested and 1 refuted-in-regime assumption``."""
    counts = Counter(status_key(s) for s in statuses)
    total = sum(counts.values())
    if not total:
        return "rests on no assumption"
    if counts["established"] == total:
        return f"rests only on established assumptions ({total})"
    unknown = counts.pop(UNKNOWN, 0)
    known = [f"{counts[k]} {k}" for k in STATUS_ORDER if counts[k]]
    if not known:
        return f"rests on {_plural(unknown)} {UNKNOWN}"
    noun = "assumption" if max(counts.values()) == 1 else "assumptions"
    text = known[0] if len(known) == 1 else ", ".join(known[:-1]) + " and " + known[-1]
    tail = f", and {unknown} {UNKNOWN}" if unknown else ""
    return f"rests on {text} {noun}{tail}"


def _plural(n: int) -> str:
    return f"{n} assumption" if n == 1 else f"{n} assumptions"
