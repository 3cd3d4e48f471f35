"""The guide page's worked example, picked from the project itself.

A result whose proof derives an assumption through a discharge shows every idea
at once: requires vs uses, a discharge, statuses and the weakest link.
"""

from __future__ import annotations

from dataclasses import dataclass

from axiomdl.site.data import SiteData
from axiomdl.weakest import summary


@dataclass(slots=True)
class Example:
    """One result, what it requires (with statuses), and one derived assumption's path."""

    name: str
    statement: str
    requires: list[tuple[str, str]]
    derived: str | None
    path: list[tuple[str, str]]  # (name, role) from the result to the derived assumption
    summary: str


def worked_example(sd: SiteData) -> Example | None:
    """The theorem with a derived assumption and the fewest requirements (ties: shortest name)."""
    best: tuple[int, int, str, str | None] | None = None
    for n in sd.nodes.values():
        if n.role != "theorem" or not n.requires:
            continue
        derived = sorted(n.derived)  # through a discharge, as `rests-on` says
        key = (0 if derived else 1, len(n.requires), n.name, derived[0] if derived else None)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    node = sd.nodes[best[2]]
    derived = best[3]
    path: list[tuple[str, str]] = []
    if derived:
        path = [(x, sd.nodes[x].role) for x in node.derived[derived]]
    statuses = [(x, sd.nodes[x].meta.get("status") or "no status") for x in node.requires]
    return Example(
        name=node.name,
        statement=node.statement,
        requires=statuses,
        derived=derived,
        path=path,
        summary=summary(sd.nodes[x].meta.get("status") for x in node.requires),
    )
