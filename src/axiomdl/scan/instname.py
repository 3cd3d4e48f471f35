"""The names Lean gives anonymous instances, read from source text.

Lean names ``instance : DecidableEq (Foo α)`` itself (``Lean.Elab.DeclNameGen``,
``mkBaseNameWithSuffix``): ``inst``, then the last component of every constant in the
type, capitalised, each once (``DecidableEqFoo``), then ``Of`` and the same for each
binder the type does not depend on (``[Repr α] : ToString (Tree α)`` →
``instToStringTreeOfRepr``). Constants seen first win: the type, then the binders
from the last to the first, and before all of them the prefixes of the current
namespace that are declarations (inside ``namespace Foo``, ``Foo`` is never
repeated). The name then gets a suffix unless a constant in it is declared in the
same module: ``_<project root>`` when one is declared in the same project,
``_<module components>`` otherwise (``instFooNat_batteries``); ``Init`` gets none.
Finally ``mkUnusedBaseName`` appends ``_1``, ``_2``, … while the name is taken.

Which constants an identifier denotes, and where they are declared, is only known
once the whole project is scanned, so the scanner records the name's *parts*
(identifiers as written, and the constants that notation stands for) and
:func:`finish_name` builds the name during resolution. Elaboration is out of reach:
implicit arguments, coercions and unfolded notation can make Lean's name differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from axiomdl.scan.lexicon import IDENT, KEYWORDS

LITERAL = "\x1c"  # a part that is a fixed constant name (from notation or a sort)
_SEP_TOKEN = "\x1d"
_SEP_GROUP = "\x1e"
MARK = "\x1f"  # separates the provisional name from its encoded parts

# Notation and the (core) constant Lean elaborates it to: the part is its last component.
_NOTATION = {
    "≤": "Le",
    "≥": "Ge",
    "<": "Lt",
    ">": "Gt",
    "≠": "Ne",
    "==": "BEq",
    "=": "Eq",
    "∈": "Mem",
    "∣": "Dvd",
    "∧": "And",
    "∨": "Or",
    "¬": "Not",
    "↔": "Iff",
    "×": "Prod",
    "⊕": "Sum",
    "∘": "Comp",
    "⁻¹": "Inv",
    "•": "HSMul",
    "⊆": "Subset",
    "∩": "Inter",
    "∪": "Union",
    "++": "HAppend",
    "+": "HAdd",
    "*": "HMul",
    "-": "HSub",
    "/": "HDiv",
    "^": "HPow",
    "%": "HMod",
}
_SORTS = {"Prop": "Prop", "Type": "Type", "Type*": "Type", "Sort": "Sort", "Sort*": "Sort"}
# Mathlib's notations for number types, and the constants they stand for
_NUMBERS = {"ℕ": "Nat", "ℤ": "Int", "ℚ": "Rat", "ℝ": "Real", "ℂ": "Complex"}
FORALL = "Forall"  # a non-dependent arrow inside the type: named, never deduplicated
_TOKEN = re.compile(
    r"(?P<sep>→|->|,)|(?P<open>[(\[{⟨])|(?P<close>[)\]}⟩])"
    r"|(?P<id>(?<![.\w'!?])(?:Type\*|Sort\*|"
    + IDENT
    + r"))|(?P<op>"
    + "|".join(re.escape(k) for k in sorted(_NOTATION, key=len, reverse=True))
    + r")"
)
_BINDER = re.compile(r"[(\[{⦃]")
_CLOSE = {"(": ")", "[": "]", "{": "}", "⦃": "⦄"}
_LEVEL_WORDS = frozenset({"max", "imax"})
# `α`, `x₁`, `E'`: the names Lean binds automatically (auto-bound implicits), never constants.
_AUTO_BOUND = re.compile(r"[A-Za-zα-ωΑ-Ω][0-9₀-₉']*\Z")


def _parts(text: str, bound: set[str]) -> list[str]:
    """The name parts of one type, in the order Lean visits the elaborated term:
    identifiers as written, and the constant of each infix operator before its operands
    (``List α × Counter`` is ``Prod (List α) Counter``)."""
    out: list[str] = []
    starts = [0]  # where the current operand group began in ``out``
    for sep, open_, close, tok, op in _TOKEN.findall(text):
        if sep:
            if sep != "," and len(starts) > 1:  # `(A → B)` is `∀ _ : A, B`
                out.insert(starts[-1], LITERAL + FORALL)
            starts[-1] = len(out)
        elif open_:
            starts.append(len(out))
        elif close:
            if len(starts) > 1:
                starts.pop()
        elif op:
            out.insert(starts[-1], LITERAL + _NOTATION[op])
        elif tok in _SORTS:
            out.append(LITERAL + _SORTS[tok])
        elif tok in _NUMBERS:
            out.append(LITERAL + _NUMBERS[tok])
        elif tok in KEYWORDS or tok in _LEVEL_WORDS or tok.split(".", 1)[0] in bound:
            continue
        else:
            out.append(tok)
    return out


def _binders(text: str) -> list[tuple[list[str], str]]:
    """Top-level binder groups of a header: (names, type text)."""
    groups: list[tuple[list[str], str]] = []
    i = 0
    n = len(text)
    while True:
        m = _BINDER.search(text, i)
        if not m:
            return groups
        open_ = m.group()
        depth = 0
        j = m.start()
        while j < n:
            c = text[j]
            if c in "([{⦃⟨":
                depth += 1
            elif c in ")]}⦄⟩":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        inner = text[m.start() + 1 : j]
        i = j + 1
        head, colon, typ = inner.partition(":")
        if not colon or typ.startswith("="):
            # `[Repr α]`: an anonymous instance binder; `(x)`: a name without a type
            groups.append(([], inner) if open_ == "[" else (inner.split(), ""))
        else:
            groups.append((head.split(), typ))


def instance_name(binder_text: str, type_text: str, bound: Iterable[str]) -> str:
    """The scanned name of an anonymous instance: ``inst`` + parts, parts encoded after
    :data:`MARK` for :func:`finish_name` (see :func:`split_scanned`)."""
    bound = set(bound)
    groups = [_parts(type_text, bound)]
    binders = _binders(binder_text)
    for k, (names, typ) in enumerate(binders):
        later = type_text + " ".join(t for _, t in binders[k + 1 :])
        later_words = set(re.findall(r"[^\W\d][\w'₀-₉]*", later))
        if names and any(nm in later_words for nm in names):
            groups.append([])  # the type depends on it: Lean does not name it
        else:
            groups.append(_parts(typ, bound))
    return "inst" + MARK + _SEP_GROUP.join(_SEP_TOKEN.join(g) for g in groups)


def split_scanned(full: str) -> tuple[tuple[str, ...], ...]:
    """The parts encoded in a name made by :func:`instance_name` (its namespace aside)."""
    payload = full.partition(MARK)[2]
    return tuple(tuple(g.split(_SEP_TOKEN)) if g else () for g in payload.split(_SEP_GROUP))


def _capital(name: str) -> str:
    last = name.rsplit(".", 1)[-1].strip("«»")
    return last[:1].upper() + last[1:]


def _assemble(
    parts: tuple[tuple[str, ...], ...], const_of: Callable[[str], str | None], seen: set[str]
) -> str:
    """``DecidableEqFoo`` + ``OfRepr…``: parts of the type, then of each binder; a constant
    mentioned twice is named once (the type first, then the binders last to first)."""
    if not parts:
        return ""
    strings: list[str] = [""] * len(parts)
    order = [0, *range(len(parts) - 1, 0, -1)]
    for k in order:
        s = []
        for p in parts[k]:
            key = p if p.startswith(LITERAL) else const_of(p)
            if key is None or (key in seen and key != LITERAL + FORALL):
                continue
            seen.add(key)
            s.append(p[1:] if p.startswith(LITERAL) else _capital(key))
        strings[k] = "".join(s)
    return strings[0] + "".join("Of" + s for s in strings[1:] if s)


def _decapital(s: str) -> str:
    return s[:1].lower() + s[1:]


def finish_name(
    namespace: str,
    parts: tuple[tuple[str, ...], ...],
    module: str,
    resolve: Callable[[str], str | None],
    module_of: Callable[[str], str | None],
    taken: Callable[[str], bool],
) -> str:
    """Lean's full name for an anonymous instance in ``namespace`` of ``module``.

    ``resolve`` maps an identifier as written to a project declaration (or None),
    ``module_of`` gives the module declaring a project declaration, ``taken`` says
    whether a full name already exists.
    """
    seen: set[str] = set()
    consts: list[str | None] = []  # modules of the constants used (None: not in the project)
    written = {p for g in parts for p in g if not p.startswith(LITERAL)}
    prefix = ""
    for comp in namespace.split(".") if namespace else ():
        prefix = f"{prefix}.{comp}" if prefix else comp
        if module_of(prefix) is not None:
            seen.add(prefix)
            consts.append(module_of(prefix))
            continue
        # `namespace Option` … `instance : Monad Option`: the namespace is a constant
        # (from a dependency), which Lean marks seen like one of the project's
        for ident in (prefix, comp):
            if ident in written and resolve(ident) is None:
                seen.add(ident)
                consts.append(None)
                break

    def const_of(ident: str) -> str | None:
        hit = resolve(ident)
        if hit is None and _AUTO_BOUND.match(ident):
            return None  # `α`, `E`: a variable Lean binds automatically, not a constant
        key = hit if hit is not None else ident
        if key not in seen:
            consts.append(module_of(hit) if hit is not None else None)
        return key

    base = "inst" + _assemble(parts, const_of, seen)
    root = module.split(".", 1)[0]
    if root != "Init" and module not in consts:
        if any(m is not None and m.split(".", 1)[0] == root for m in consts):
            base += "_" + _decapital(root)
        else:
            base += "".join("_" + _decapital(c) for c in module.split("."))
    full = f"{namespace}.{base}" if namespace else base
    k = 0
    name = full
    while taken(name):
        k += 1
        name = f"{full}_{k}"
    return name
