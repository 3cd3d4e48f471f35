"""A small parser for the arithmetic fragment of Lean 4 terms.

It reads the statement text the scanner keeps (binders and type), with Lean's precedences,
into a tiny AST. Anything outside the fragment raises :class:`Unsupported` with a reason,
so ``falsify`` can report *why* a declaration was skipped instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction


class Unsupported(Exception):
    """The text uses syntax or constants outside the arithmetic fragment."""


# ---------------------------------------------------------------- AST


@dataclass(frozen=True, slots=True)
class Num:
    """A numeric literal (``2``, ``0.5``)."""

    value: Fraction


@dataclass(frozen=True, slots=True)
class Var:
    """An identifier (variable, constant or function name)."""

    name: str


@dataclass(frozen=True, slots=True)
class App:
    """Function application ``f a b``."""

    fn: str
    args: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Bin:
    """Arithmetic ``+ - * / % ^``, relations ``≤ < = ≠ ≥ >`` and connectives ``∧ ∨ → ↔``."""

    op: str
    a: Node
    b: Node


@dataclass(frozen=True, slots=True)
class Un:
    """Prefix ``-``, ``¬``, ``↑`` and postfix ``⁻¹`` (op ``inv``)."""

    op: str
    a: Node


@dataclass(frozen=True, slots=True)
class Ascribe:
    """A type ascription ``(e : T)``."""

    e: Node
    ty: Node


@dataclass(frozen=True, slots=True)
class Ite:
    """``if c then a else b``."""

    c: Node
    a: Node
    b: Node


@dataclass(frozen=True, slots=True)
class Quant:
    """``∀``/``∃`` with binders ``(name, type or None)`` and an optional binder predicate."""

    q: str  # "forall" | "exists"
    names: tuple[str, ...]
    ty: Node | None
    body: Node
    pred: tuple[str, Node] | None = None  # ∀ x > 0, ...  →  (">", 0)


@dataclass(frozen=True, slots=True)
class Lam:
    """``fun x y => body`` (binder types, if written, in ``ty``)."""

    names: tuple[str, ...]
    ty: Node | None
    body: Node


Node = Num | Var | App | Bin | Un | Ascribe | Ite | Quant | Lam

ARITH = {"+", "-", "*", "/", "%"}
RELS = {"≤", "<", "=", "≠", "≥", ">"}
LOGIC = {"∧", "∨", "→", "↔"}

# ---------------------------------------------------------------- lexer

_ASCII = {
    "<=": "≤",
    ">=": "≥",
    "!=": "≠",
    "->": "→",
    "<->": "↔",
    "/\\": "∧",
    "\\/": "∨",
    "λ": "fun",
}
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<sym>\+\+|::|<->|->|<=|>=|!=|/\\|\\/|:=|=>|⁻¹|[.×↦]|[≤≥≠<>=∧∨¬→↔∀∃(){}\[\]⦃⦄⟨⟩,:+\-*/^%↑·|∈∉λ@•∣])
  | (?P<ident>«[^»]*»|[A-Za-z_\u0370-\u03ff\u1d00-\u1dbf\u2100-\u214f\U0001d400-\U0001d7ff][\w'!?\u2080-\u209c\u0370-\u03ff\u1d00-\u1dbf\U0001d400-\U0001d7ff]*(?:\.[A-Za-z_\u0370-\u03ff][\w'!?\u2080-\u209c\u0370-\u03ff]*|\.\d+)*)
    """,
    re.VERBOSE,
)

KEYWORDS = {"fun", "let", "have", "show", "match", "with", "if", "then", "else", "by", "do", "at"}


@dataclass(slots=True)
class Tok:
    """One token: kind (num/sym/ident) and text."""

    kind: str
    text: str


def tokenize(text: str) -> list[Tok]:
    """Split Lean text into tokens; unknown characters are Unsupported."""
    out: list[Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise Unsupported(f"unsupported character {text[pos]!r}")
        pos = m.end()
        kind = m.lastgroup or ""
        if kind == "ws":
            continue
        t = m.group(kind)
        t = _ASCII.get(t, t)
        if kind == "ident" and t in KEYWORDS:
            kind = "sym"
        out.append(Tok(kind, t))
    return out


# ---------------------------------------------------------------- parser

# Lean 4 precedences: ↔ 20, → 25 (right), ∨ 30 (right), ∧ 35 (right), ¬ 40 prefix,
# relations 50, + - 65, * / % 70, ^ 75 (right), unary - 75, application 1024.
_INFIX: dict[str, tuple[int, str]] = {
    "↔": (20, "non"),
    "→": (25, "right"),
    "∨": (30, "right"),
    "∧": (35, "right"),
    "≤": (50, "non"),
    "<": (50, "non"),
    "=": (50, "non"),
    "≠": (50, "non"),
    "≥": (50, "non"),
    ">": (50, "non"),
    "+": (65, "left"),
    "-": (65, "left"),
    "*": (70, "left"),
    "/": (70, "left"),
    "%": (70, "left"),
    "^": (75, "right"),
}
_UNSUPPORTED_SYMS = {
    "∈": "membership `∈`",
    "∉": "membership `∉`",
    "⟨": "anonymous constructors `⟨…⟩`",
    "·": "`·` sections",
    "let": "`let` in a statement",
    "have": "`have` in a statement",
    "show": "`show` in a statement",
    "match": "`match`",
    "|": "`|…|` or patterns",
    "•": "scalar multiplication `•`",
    "∣": "divisibility `∣`",
    "@": "explicit `@` applications",
    "[": "list literals",
    "by": "tactic blocks",
    "++": "list append `++`",
    "::": "list cons `::`",
    ".": "field projections `(…).f`",
    "×": "product types",
}


class Parser:
    """Pratt parser over the token list."""

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self, k: int = 0) -> Tok | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def next(self) -> Tok:
        t = self.peek()
        if t is None:
            raise Unsupported("unexpected end of statement")
        self.i += 1
        return t

    def expect(self, text: str) -> None:
        t = self.next()
        if t.text != text:
            raise Unsupported(f"expected `{text}`, found `{t.text}`")

    def at(self, text: str) -> bool:
        t = self.peek()
        return t is not None and t.text == text and t.kind == "sym"

    def done(self) -> bool:
        return self.i >= len(self.toks)

    # -- expressions
    def expr(self, min_prec: int = 0) -> Node:
        left = self.prefix()
        while True:
            t = self.peek()
            if t is None or t.kind != "sym":
                break
            if t.text == "⁻¹":
                self.next()
                left = Un("inv", left)
                continue
            if t.text not in _INFIX:
                if t.text in _UNSUPPORTED_SYMS and t.text not in ("|", "[", "by"):
                    raise Unsupported(f"uses {_UNSUPPORTED_SYMS[t.text]}")
                break
            prec, assoc = _INFIX[t.text]
            if prec < min_prec:
                break
            self.next()
            nxt = prec if assoc == "right" else prec + 1
            right = self.expr(nxt)
            left = Bin(t.text, left, right)
            if assoc == "non":
                t2 = self.peek()
                if t2 is not None and t2.text in _INFIX and _INFIX[t2.text][0] == prec:
                    raise Unsupported("chained relations")
        return left

    def prefix(self) -> Node:
        t = self.peek()
        if t is None:
            raise Unsupported("unexpected end of statement")
        if t.kind == "sym":
            if t.text == "-":
                self.next()
                return Un("-", self.expr(75))
            if t.text == "¬":
                self.next()
                return Un("¬", self.expr(40))
            if t.text == "↑":
                self.next()
                return Un("↑", self.expr(1024))
            if t.text in ("∀", "∃"):
                return self.quant()
            if t.text == "fun":
                return self.lam()
            if t.text == "if":
                self.next()
                c = self.expr()
                if self.at(":"):
                    raise Unsupported("dependent `if h : …`")
                self.expect("then")
                a = self.expr()
                self.expect("else")
                b = self.expr()
                return Ite(c, a, b)
        return self.application()

    def application(self) -> Node:
        head = self.atom()
        args: list[Node] = []
        while self.starts_atom():
            args.append(self.atom())
        if not args:
            return head
        if isinstance(head, Var):
            return App(head.name, tuple(args))
        raise Unsupported("application of a compound term")

    def starts_atom(self) -> bool:
        t = self.peek()
        if t is None:
            return False
        if t.kind in ("num", "ident"):
            return True
        if t.kind == "sym" and t.text in ("(", "↑"):
            return True
        return t.kind == "sym" and t.text in ("⟨", "·", "[")

    def atom(self) -> Node:
        t = self.next()
        if t.kind == "num":
            return Num(Fraction(t.text))
        if t.kind == "ident":
            return Var(t.text.strip("«»"))
        if t.text == "↑":
            return Un("↑", self.atom())
        if t.text == "(":
            # named argument `(K := K)`: drop it
            nt, nt2 = self.peek(), self.peek(1)
            if nt is not None and nt.kind == "ident" and nt2 is not None and nt2.text == ":=":
                depth = 1
                while depth:
                    x = self.next()
                    depth += {"(": 1, ")": -1}.get(x.text, 0)
                return Var("__named_arg__")
            if self.at(")"):
                raise Unsupported("unit `()`")
            e = self.expr()
            if self.at(":"):
                self.next()
                ty = self.expr()
                self.expect(")")
                return Ascribe(e, ty)
            if self.at(","):
                raise Unsupported("tuples")
            self.expect(")")
            return e
        if t.text in _UNSUPPORTED_SYMS:
            raise Unsupported(f"uses {_UNSUPPORTED_SYMS[t.text]}")
        raise Unsupported(f"unexpected `{t.text}`")

    def lam(self) -> Node:
        self.expect("fun")
        names: list[str] = []
        ty: Node | None = None
        while True:
            t = self.peek()
            if t is not None and t.kind == "ident":
                names.append(self.next().text)
            elif t is not None and t.text == "(":
                self.next()
                while self.peek() is not None and self.peek().kind == "ident":  # type: ignore[union-attr]
                    names.append(self.next().text)
                if self.at(":"):
                    self.next()
                    ty = self.expr()
                self.expect(")")
            else:
                break
        if self.at(":"):
            self.next()
            ty = self.expr()
        if not names:
            raise Unsupported("a `fun` without binders")
        if self.at("↦"):
            self.next()
        else:
            self.expect("=>")
        return Lam(tuple(names), ty, self.expr())

    def quant(self) -> Node:
        q = "forall" if self.next().text == "∀" else "exists"
        names: list[str] = []
        ty: Node | None = None
        groups: list[tuple[list[str], Node | None]] = []
        pred: tuple[str, Node] | None = None
        while True:
            t = self.peek()
            if t is None:
                raise Unsupported("unterminated quantifier")
            if t.kind == "ident":
                names.append(self.next().text)
                continue
            if t.text in ("(", "{", "⦃", "["):
                close = {"(": ")", "{": "}", "⦃": "⦄", "[": "]"}[t.text]
                self.next()
                gnames: list[str] = []
                while self.peek() is not None and self.peek().kind == "ident":  # type: ignore[union-attr]
                    gnames.append(self.next().text)
                self.expect(":")
                gty = self.expr()
                self.expect(close)
                groups.append((gnames, gty))
                continue
            break
        if self.at(":"):
            self.next()
            ty = self.expr()
        elif self.peek() is not None and self.peek().text in ("≤", "<", "≥", ">", "≠"):  # type: ignore[union-attr]
            op = self.next().text
            pred = (op, self.expr(51))
        elif self.at("∈") or self.at("∉"):
            raise Unsupported("uses membership `∈`")
        self.expect(",")
        body = self.expr()
        if groups:
            if names:
                groups.insert(0, (names, ty))
            for gnames, gty in reversed(groups):
                body = Quant(q, tuple(gnames), gty, body)
            return body
        if not names:
            raise Unsupported("quantifier without variables")
        return Quant(q, tuple(names), ty, body, pred)


def parse_term(text: str) -> Node:
    """Parse a whole term; trailing tokens are Unsupported."""
    p = Parser(tokenize(text))
    e = p.expr()
    if not p.done():
        t = p.peek()
        raise Unsupported(f"could not read past `{t.text if t else ''}`")
    return e


# ---------------------------------------------------------------- headers


@dataclass(slots=True)
class Binder:
    """One binder of a declaration header."""

    name: str
    ty: Node | None
    kind: str  # "(" explicit, "{" implicit, "[" instance, "⦃" strict implicit
    ty_text: str = ""


@dataclass(slots=True)
class Header:
    """A declaration header: keyword, name, binders and the type after the colon."""

    keyword: str
    name: str
    binders: list[Binder] = field(default_factory=list)
    type_text: str = ""
    inst_text: list[str] = field(default_factory=list)


_DECL_KW = ("theorem", "lemma", "def", "abbrev", "example", "instance", "opaque", "axiom")
_MODIFIERS = {"private", "protected", "noncomputable", "partial", "unsafe", "nonrec", "public"}


def _split_groups(text: str) -> tuple[list[tuple[str, str]], str]:
    """Split ``(a b : T) {c : U} [C K] : type`` into bracket groups and the type text."""
    groups: list[tuple[str, str]] = []
    i = 0
    n = len(text)
    pairs = {"(": ")", "{": "}", "[": "]", "⦃": "⦄"}
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in pairs:
            depth = 0
            j = i
            openers = set(pairs) | {"⟨"}
            closers = set(pairs.values()) | {"⟩"}
            while j < n:
                if text[j] in openers:
                    depth += 1
                elif text[j] in closers:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise Unsupported("unbalanced brackets in the header")
            groups.append((ch, text[i + 1 : j]))
            i = j + 1
            continue
        if ch == ":":
            return groups, text[i + 1 :].strip()
        # a bare identifier binder (`def f x : K`) or something we do not read
        raise Unsupported(f"unreadable header near `{text[i : i + 20]}`")
    return groups, ""


def _top_colon(s: str) -> int:
    depth = 0
    for k, ch in enumerate(s):
        if ch in "([{⦃⟨":
            depth += 1
        elif ch in ")]}⦄⟩":
            depth -= 1
        elif ch == ":" and depth == 0 and s[k : k + 2] != ":=":
            return k
    return -1


def parse_binder_group(kind: str, inner: str) -> tuple[list[Binder], str | None]:
    """Binders of one bracket group; instance groups return their class text instead."""
    inner = inner.strip()
    if kind == "[":
        k = _top_colon(inner)
        return [], (inner[k + 1 :] if k >= 0 else inner).strip()
    if inner.startswith("{") and inner.endswith("}"):  # `{{ x : T }}`
        inner = inner[1:-1]
    k = _top_colon(inner)
    if k < 0:
        names_text, ty_text = inner, ""
    else:
        names_text, ty_text = inner[:k], inner[k + 1 :]
    if ":=" in ty_text:
        ty_text = ty_text.split(":=", 1)[0]
    names = names_text.split()
    if not names or not all(re.fullmatch(r"[^\s()]+", x) for x in names):
        raise Unsupported("unreadable binder group")
    ty: Node | None = None
    if ty_text.strip():
        try:
            ty = parse_term(ty_text)
        except Unsupported:
            ty = Var("__opaque_type__:" + " ".join(ty_text.split()))
    return [Binder(x, ty, kind, " ".join(ty_text.split())) for x in names], None


def parse_header(statement: str) -> Header:
    """Read ``theorem name binders : type`` (the scanner's statement text)."""
    words = statement.split()
    i = 0
    while i < len(words) and (words[i] in _MODIFIERS or words[i].startswith("@[")):
        i += 1
    if i >= len(words) or words[i] not in _DECL_KW:
        raise Unsupported("not a theorem/def header")
    kw = words[i]
    rest = " ".join(words[i + 1 :])
    name = ""
    if kw != "example" and rest and rest[0] not in "([{⦃:":
        name, _, rest = rest.partition(" ")
    groups, type_text = _split_groups(rest)
    h = Header(kw, name, type_text=type_text)
    for kind, inner in groups:
        bs, inst = parse_binder_group(kind, inner)
        h.binders.extend(bs)
        if inst is not None:
            h.inst_text.append(inst)
    return h


def free_idents(e: Node, bound: frozenset[str] = frozenset()) -> set[str]:
    """Identifiers used by a term that are not bound inside it."""
    out: set[str] = set()

    def go(x: Node, b: frozenset[str]) -> None:
        if isinstance(x, Var):
            if x.name not in b:
                out.add(x.name)
        elif isinstance(x, App):
            if x.fn not in b:
                out.add(x.fn)
            for a in x.args:
                go(a, b)
        elif isinstance(x, Bin):
            go(x.a, b)
            go(x.b, b)
        elif isinstance(x, Un):
            go(x.a, b)
        elif isinstance(x, Ascribe):
            go(x.e, b)
        elif isinstance(x, Ite):
            go(x.c, b)
            go(x.a, b)
            go(x.b, b)
        elif isinstance(x, Quant):
            if x.pred:
                go(x.pred[1], b)
            go(x.body, b | frozenset(x.names))
        elif isinstance(x, Lam):
            go(x.body, b | frozenset(x.names))

    go(e, bound)
    return out


def show(e: Node) -> str:
    """Render a term back as Lean-like text (for messages)."""
    if isinstance(e, Num):
        v = e.value
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    if isinstance(e, Var):
        return e.name
    if isinstance(e, App):
        return e.fn + " " + " ".join(_paren(a) for a in e.args)
    if isinstance(e, Bin):
        return f"{_paren(e.a)} {e.op} {_paren(e.b)}"
    if isinstance(e, Un):
        return f"{_paren(e.a)}⁻¹" if e.op == "inv" else f"{e.op}{_paren(e.a)}"
    if isinstance(e, Ascribe):
        return f"({show(e.e)} : {show(e.ty)})"
    if isinstance(e, Ite):
        return f"if {show(e.c)} then {show(e.a)} else {show(e.b)}"
    if isinstance(e, Quant):
        sym = "∀" if e.q == "forall" else "∃"
        return f"{sym} {' '.join(e.names)}, {show(e.body)}"
    if isinstance(e, Lam):
        return f"fun {' '.join(e.names)} => {show(e.body)}"
    return "?"


def _paren(e: Node) -> str:
    s = show(e)
    return s if isinstance(e, Num | Var) else f"({s})"
