"""Resolve raw identifiers to declarations the way Lean 4 looks names up.

Order: ``_root_`` exact; the current namespace and each of its prefixes (longest
first); each ``open`` (respecting ``(only)``, ``hiding`` and ``renaming``); the
root. Fields, constructors and auto-generated names (``S.mk``, ``I.rec``,
``f.eq_1``) resolve to their parent declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from axiomdl.scan.records import Context

AUTO_SUFFIXES = frozenset(
    [
        "mk",
        "rec",
        "recOn",
        "casesOn",
        "noConfusion",
        "noConfusionType",
        "induct",
        "induct_unfolding",
        "eq_def",
        "eq_unfold",
        "ext",
        "ext_iff",
        "inj",
        "injEq",
        "sizeOf_spec",
        "below",
        "brecOn",
        "binductionOn",
        "ibelow",
        "ctorIdx",
        "elim",
        "mutual_induct",
        "fun_cases",
        "ctorElim",
    ]
)


def decl_namespace(name: str, ctx: Context) -> str:
    """The namespace names in a declaration resolve against.

    Lean opens a declaration's own prefix inside it (`theorem Foo.bar` sees `Foo.*`),
    on top of the namespace it is declared in. ``foo@Mod`` (a name that unrelated
    modules both declare) and ``example@Mod:line`` count by the part before ``@``.
    """
    if "@" in name:
        name = name.partition("@")[0]
    if "." not in name:
        return ctx.namespace
    ns = name.rsplit(".", 1)[0]
    return ns if ns.startswith(ctx.namespace) else ctx.namespace


def _prefixes(ns: str) -> list[str]:
    if not ns:
        return [""]
    parts = ns.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), -1, -1)]


def _join(a: str, b: str) -> str:
    return f"{a}.{b}" if a else b


def candidates(
    ident: str, ctx: Context, decl_ns: str, protected: set[str] | frozenset[str] = frozenset()
) -> Iterator[str]:
    """Every full name ``ident`` could mean at ``ctx``, most specific first (a protected
    name is skipped where only its last component was written)."""
    if ident.startswith("_root_."):
        yield ident[len("_root_.") :]
        return
    first = ident.split(".", 1)[0]
    guard = protected if "." not in ident else ()
    for p in _prefixes(decl_ns):
        cand = _join(p, ident)
        if not (p and cand in guard):
            yield cand
    for o in reversed(ctx.opens):
        if o.only is not None and first not in o.only:
            continue
        if first in o.hiding:
            continue
        name = ident
        for old, new in o.renaming:
            if first == new:
                name = old + ident[len(first) :]
        for p in _prefixes(o.base):
            cand = _join(_join(p, o.namespace), name)
            if cand not in guard:
                yield cand


class Resolver:
    """Name lookup over a fixed set of known names (project declarations, or the allowlist)."""

    def __init__(
        self,
        names: Iterable[str],
        parents: dict[str, str] | None = None,
        aliases: dict[str, str] | None = None,
        field_heads: set[str] | None = None,
        protected: set[str] | None = None,
        variants: dict[str, tuple[tuple[str, int, bool], ...] | int] | None = None,
        choose: Callable[[str, int], str | None] | None = None,
        decl_file: dict[str, int] | None = None,
        masks: list[int | None] | None = None,
    ) -> None:
        self.names = set(names)
        # a name resolves only to a declaration whose file the current file sees (its
        # imports, transitively): `masks[cur_file]` (None: the file sees every file)
        self.decl_file = decl_file or {}
        self.masks = masks
        # `protected` names are never reached by their last component alone
        self.protected = protected or set()
        # names declared more than once (or privately): `choose(name, file)` picks the
        # declaration visible from the file being resolved (`cur_file`), or None
        self.variants = variants or {}
        self.choose = choose
        self.cur_file = -1
        self.parents = parents or {}
        self.aliases = aliases or {}
        # theorems: `foo_iff.mpr` is field notation on the proof `foo_iff`
        self.field_heads = field_heads or set()
        # (identifier, context key, namespace) -> resolution; read directly by hot loops
        self.memo: dict[tuple[str, int, str], str | None] = {}
        # Last components of every known name: a name whose last component is not
        # among them (nor an auto-generated suffix) cannot resolve, whatever the
        # namespaces and opens. Most external references are rejected by this alone.
        self.lasts = {n.rpartition(".")[2] for n in self.names}
        self.field_lasts = {n.rpartition(".")[2] for n in self.field_heads}
        self._renames: dict[int, bool] = {}

    def candidates(self, ident: str, ctx: Context, decl_ns: str) -> Iterator[str]:
        """Every full name ``ident`` could mean at ``ctx``, most specific first."""
        return candidates(ident, ctx, decl_ns, self.protected)

    def _pick(self, name: str) -> str | None:
        if self.variants and name in self.variants:
            if self.variants[name] == self.cur_file:  # a private name, in its own file
                return name
            assert self.choose is not None
            return self.choose(name, self.cur_file)
        return name if self._visible(name) else None

    def _visible(self, name: str) -> bool:
        """Whether the current file imports (transitively) the file declaring ``name``."""
        if self.masks is None:
            return True
        mask = self.masks[self.cur_file]
        j = self.decl_file.get(name)
        return mask is None or j is None or bool(mask >> j & 1)

    def lookup(self, full: str) -> str | None:
        """The declaration a full name denotes (following aliases, fields and auto names)."""
        full = self.aliases.get(full, full)
        if full in self.names:
            return self._pick(self.parents.get(full, full))
        head, _, last = full.rpartition(".")
        auto = last in AUTO_SUFFIXES or (last.startswith("eq_") and last[3:].isdigit())
        if head and auto and head in self.names:
            return self._pick(self.parents.get(head, head))
        return None

    def resolve(self, ident: str, ctx: Context, ctx_id: int, decl_ns: str) -> str | None:
        """Resolve ``ident`` or return None (an external reference)."""
        key = (ident, ctx_id, decl_ns)
        if key in self.memo:
            return self.memo[key]
        renames = self._renames.get(ctx_id)
        if renames is None:
            renames = self._renames[ctx_id] = any(o.renaming for o in ctx.opens)
        found = None
        head, _, last = ident.rpartition(".")
        if renames or self._may_name(last):
            for cand in self.candidates(ident, ctx, decl_ns):
                found = self.lookup(cand)
                if found is not None:
                    break
        if found is None and head and (renames or head.rpartition(".")[2] in self.field_lasts):
            # generalized field notation on a constant: `foo_iff.mpr`
            for cand in self.candidates(head, ctx, decl_ns):
                hit = self.lookup(cand)
                if hit is not None and hit in self.field_heads:
                    found = hit
                    break
        self.memo[key] = found
        return found

    def _may_name(self, last: str) -> bool:
        """Whether a name ending in ``last`` could be known (directly or as an auto name)."""
        return (
            last in self.lasts
            or last in AUTO_SUFFIXES
            or (last.startswith("eq_") and last[3:].isdigit())
        )
