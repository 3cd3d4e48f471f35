"""Plain records the scanner produces: cheap to build, pickle and cache.

RawDecl and FileScan are plain (not slotted) dataclasses on purpose: unpickling a
slotted dataclass runs Python code per object, a plain one does not.

Pydantic models (``axiomdl.model``) are built from these at the output boundary;
the hot scanning path stays on slotted dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class OpenDirective:
    """One namespace opened by ``open``: which names it brings and how."""

    namespace: str  # as written
    base: str  # the namespace current when it was opened
    only: tuple[str, ...] | None = None
    hiding: tuple[str, ...] = ()
    renaming: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True, frozen=True)
class Context:
    """What name resolution needs to know at a declaration: namespace and opens."""

    namespace: str
    opens: tuple[OpenDirective, ...] = ()


@dataclass
class RawDecl:
    """A declaration as read from source, before names are resolved."""

    name: str
    kind: str
    line: int
    end_line: int
    ctx: int
    role: str = "definition"
    doc: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    statement: str = ""
    hyp: set[str] = field(default_factory=set)
    concl: set[str] = field(default_factory=set)
    proof: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    attrs: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)
    subnames: list[str] = field(default_factory=list)
    binder_heads: dict[str, str] = field(default_factory=dict)


@dataclass
class FileScan:
    """Everything the scanner learned from one file."""

    path: str
    module: str
    decls: list[RawDecl] = field(default_factory=list)
    contexts: list[Context] = field(default_factory=list)
    imports: list[tuple[str, int]] = field(default_factory=list)
    autoimplicit_off: bool = False
    module_doc: str | None = None
    # (line, code, message) for problems found while reading: unterminated
    # comments, unbalanced brackets, namespace/end mismatches, bad encoding.
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    aliases: list[tuple[str, str, int]] = field(default_factory=list)
    namespaces: set[str] = field(default_factory=set)
    size: int = 0
    # The module system: a file starting with `module`, its `import all`s, and the
    # indices (in ``decls``) of private and protected declarations, for name lookup.
    is_module: bool = False
    imports_all: list[str] = field(default_factory=list)
    private: list[int] = field(default_factory=list)
    protected: list[int] = field(default_factory=list)
    # Anonymous instances: (index in ``decls``, name as scanned, name parts) -- the name
    # Lean gives them depends on the whole project, so resolution finishes it.
    anon_instances: list[tuple[int, str, tuple[tuple[str, ...], ...]]] = field(default_factory=list)
    # (index in ``decls``, name as scanned) of declarations that resolution renamed.
    renamed: list[tuple[int, str]] = field(default_factory=list)
    # The dependency (Lake package, or the bundled library) the file belongs to; None for
    # the project's own files (axiomdl.scan.closure).
    package: str | None = None
