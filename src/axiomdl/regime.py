"""Do an assumption's witnesses sit inside the regime its docstring names?

An assumption like ``Smooth E f g L`` whose docstring says ``0 < L`` but whose only
witness uses ``L = 0`` shows nothing about the intended notion: it may hold only at
the degenerate corner. This is a static, textual check (a warning, never an error):
it reads the assumption's explicit binders, the docstring's positivity claims, and
the arguments each witness passes at those positions.
"""

from __future__ import annotations

import re
from fractions import Fraction

from axiomdl.model import Finding
from axiomdl.session import Session

_NAMED = re.compile(r"\(\s*[\w']+\s*:=")
_OPEN = {"(": ")", "{": "}", "[": "]", "⦃": "⦄"}
_IDENT = r"[A-Za-z_α-ωΑ-Ωℓ][\w'₀-₉ᵢ-ᵪ]*"
_POS_PATTERNS = (
    r"0\s*<\s*`?({id})`?(?![\w'])",
    r"(?<![\w'])`?({id})`?\s*>\s*0(?![\d.])",
    r"positive\s+`?({id})`?(?![\w'])",
)


def _closing(text: str, i: int) -> int:
    """Index of the bracket closing the one at ``i`` (``len(text)`` when unclosed)."""
    c, n = text[i], len(text)
    close, depth, j = _OPEN[c], 0, i
    while j < n:
        if text[j] == c:
            depth += 1
        elif text[j] == close:
            depth -= 1
            if depth == 0:
                break
        j += 1
    return j


def _groups(text: str, start: int) -> list[tuple[str, str]]:
    """Top-level bracket groups from ``start`` until the first top-level ``:`` or ``where``."""
    out: list[tuple[str, str]] = []
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c in _OPEN:
            j = _closing(text, i)
            out.append((c, text[i + 1 : j]))
            i = j + 1
        elif c.isspace():
            i += 1
        else:
            break
    return out


def explicit_params(statement: str, short: str) -> list[tuple[str, str]]:
    """``(name, type)`` of the explicit binders after the declared name, in order."""
    m = re.search(r"(?<![\w.'])" + re.escape(short) + r"(?![\w'])", statement)
    if not m:
        return []
    out = []
    for br, body in _groups(statement, m.end()):
        if br != "(" or ":" not in body:
            continue
        names, _, ty = body.partition(":")
        out += [(x, ty.strip()) for x in names.split()]
    return out


def positive_in_doc(doc: str, params: list[str]) -> set[str]:
    """The parameters the docstring says are positive (``0 < L``, ``L > 0``, ``positive L``)."""
    found: set[str] = set()
    for pat in _POS_PATTERNS:
        for m in re.finditer(pat.format(id=_IDENT), doc):
            if m.group(1) in params:
                found.add(m.group(1))
    return found


def _args(text: str, start: int, limit: int) -> list[str]:
    """Up to ``limit`` application arguments after ``start``: atoms or bracketed groups."""
    out: list[str] = []
    i = start
    n = len(text)
    while i < n and len(out) < limit:
        while i < n and text[i] == " ":
            i += 1
        if i >= n:
            break
        c = text[i]
        if c in _OPEN:
            j = _closing(text, i)
            out.append(text[i : j + 1])
            i = j + 1
            continue
        m = re.match(r"[\w.'₀-₉/]+", text[i:])
        if not m:
            break
        out.append(m.group(0))
        i += m.end()
    return out


def _literal_positive(arg: str) -> bool:
    """``2``, ``(2 : Rat)``, ``1/2``, ``((3 : Rat) / 4)`` are positive literals."""
    core = re.sub(r":\s*\w+", "", arg).replace("(", "").replace(")", "").replace(" ", "")
    try:
        return Fraction(core) > 0
    except (ValueError, ZeroDivisionError):
        return False


def is_positive(arg: str, statement: str) -> bool:
    """A positive literal, or a variable the witness's statement says is positive."""
    if _literal_positive(arg):
        return True
    name = arg.strip("()").split(":")[0].strip()
    if not re.fullmatch(_IDENT, name):
        return False
    return bool(positive_in_doc(statement, [name]))


def degenerate_witness_findings(s: Session) -> list[Finding]:
    """A warning per assumption none of whose witnesses sets its positive parameters positive."""
    p = s.project
    a = s.analysis
    witnesses: dict[str, list[str]] = {}
    for w, role in a.roles.items():
        if role == "witness" and w in p.decls:
            for x in a.establishes(w):
                witnesses.setdefault(x, []).append(w)
    out: list[Finding] = []
    for n, role in sorted(a.roles.items()):
        if role != "assumption" or n not in p.decls:
            continue
        d = p.decls[n]
        short = n.rsplit(".", 1)[-1]
        params = explicit_params(d.statement, short)
        names = [x for x, _ in params]
        wanted = positive_in_doc(d.doc or "", names)
        # A positivity field inside the structure enforces it in every instance.
        wanted -= positive_in_doc(d.statement.split(" where ", 1)[-1], names)
        if not wanted or not witnesses.get(n):
            continue
        idx = {x: names.index(x) for x in wanted}
        if any(_sets_positive(p.decls[w].statement, short, idx) for w in witnesses[n]):
            continue
        fs = p.file_of(n)
        out.append(
            Finding(
                code="degenerate-witness",
                severity="warning",
                file=fs.path,
                line=d.line,
                declaration=n,
                message=f"no witness of `{n}` sets "
                + ", ".join(f"`{x}`" for x in sorted(wanted))
                + " strictly positive, as its docstring requires",
            )
        )
    return out


def _sets_positive(statement: str, short: str, idx: dict[str, int]) -> bool:
    """Does some application of ``short`` in ``statement`` pass positive values at ``idx``?"""
    concl = statement
    for m in re.finditer(r"(?<![\w'])(?:[\w.]+\.)?" + re.escape(short) + r"(?![\w'])", concl):
        args = [x for x in _args(concl, m.end(), max(idx.values()) + 4) if not _NAMED.match(x)]
        if all(i < len(args) and is_positive(args[i], statement) for i in idx.values()):
            return True
    return False
