"""``axiomdl.toml``: name a project's assumptions without touching its sources.

A project whose hypotheses are ordinary ``Prop`` classes (a probability library's
``IsProbabilityMeasure``, a paper's ``LipschitzLoss``) has no ``Assumption:`` docstring
headers. It can name them in ``axiomdl.toml`` at its root, or under ``[tool.axiomdl]``
in its ``pyproject.toml`` (``axiomdl.toml`` wins)::

    [[assumptions]]
    names = ["Probkit.Independent"]             # full names, exactly
    match = ["Probkit.Hypotheses.*"]            # name globs: Prop-valued declarations
    prop-classes-in = ["Probkit.Measure"]       # every Prop class/structure in there
    area = "probability"                        # optional metadata, as the headers give
    status = "established"

A glob's components are separated by ``.``; ``*`` matches within one component and a
``**`` component any number of them. The rules apply to every declaration the scan
reads, the dependencies' included; a docstring header, where present, wins.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from axiomdl.errors import AxiomdlError
from axiomdl.scan.docmeta import STATUSES
from axiomdl.scan.packages import InputWarning

CONFIG_FILE = "axiomdl.toml"
PYPROJECT = "pyproject.toml"
# Read by `audit --exact` from pyproject.toml (axiomdl.lean.audit), allowed beside ours.
PYPROJECT_ONLY = ("axiom-allowlist",)
NAMED_BY = "named-by"  # the metadata key that marks a role given by the config
_THEOREM_KINDS = frozenset({"theorem", "lemma", "example", "instance"})
_PROP_KINDS = frozenset({"structure", "class", "def", "abbrev", "inductive", "opaque"})
_BAD_GLOB_CHARS = re.compile(r"[\s\[\]?{}(),/\\]")


def glob_problem(glob: str) -> str | None:
    """Why ``glob`` is not a name glob, or None if it is one."""
    if not glob:
        return "empty"
    bad = _BAD_GLOB_CHARS.search(glob)
    if bad:
        return f"`{bad.group()!s}` is not allowed (components, `*` and `**` only)"
    for part in glob.split("."):
        if not part:
            return "empty name component"
        if "**" in part and part != "**":
            return "`**` must be a whole component"
    return None


def compile_glob(glob: str) -> re.Pattern[str]:
    """``A.*`` (children), ``A.**`` (everything below), ``**.Indep*`` (anywhere)."""
    parts = glob.split(".")
    rx = ""
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            rx += ".*" if last else r"(?:[^.]+\.)*"
        else:
            rx += re.escape(part).replace(r"\*", "[^.]*") + ("" if last else r"\.")
    return re.compile(rx + r"\Z")


class AssumptionRule(BaseModel):
    """One ``[[assumptions]]`` table: which declarations, and their metadata."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    names: list[str] = Field(default_factory=list)
    match: list[str] = Field(default_factory=list)
    prop_classes_in: list[str] = Field(default_factory=list, alias="prop-classes-in")
    role: Literal["assumption", "conjecture"] = "assumption"
    area: str | None = None
    status: Literal[STATUSES] | None = None  # type: ignore[valid-type]
    evidence: str | None = None
    refs: str | None = None

    @field_validator("match", "prop_classes_in")
    @classmethod
    def _globs(cls, value: list[str]) -> list[str]:
        for g in value:
            why = glob_problem(g)
            if why:
                raise ValueError(f"bad glob `{g}`: {why}")
        return value

    def meta(self, source: str) -> dict[str, str]:
        out = {k: v for k in ("area", "status", "evidence", "refs") if (v := getattr(self, k))}
        out[NAMED_BY] = source
        return out


class ProjectConfig(BaseModel):
    """The whole file (or ``[tool.axiomdl]``)."""

    model_config = ConfigDict(extra="forbid")

    assumptions: list[AssumptionRule] = Field(default_factory=list)
    file: str = Field(default=CONFIG_FILE, exclude=True)
    text: str = Field(default="", exclude=True)

    def apply(self, project: object, package: str | None = None) -> list[InputWarning]:
        """Give the declarations the rules select their role and metadata (``package``:
        only that dependency's); returns a warning per name that selects nothing, or a
        theorem."""
        return _apply(self, project, package)

    def line_of(self, needle: str) -> int | None:
        at = self.text.find(needle)
        return self.text.count("\n", 0, at) + 1 if at >= 0 else None


def load_config(root: Path) -> ProjectConfig | None:
    """The project's configuration, or None. Bad input is exit 2, naming the key."""
    path = root / CONFIG_FILE
    table: object
    if path.is_file():
        text = _read(path)
        table = _toml(path, text)
    else:
        path = root / PYPROJECT
        if not path.is_file():
            return None
        text = _read(path)
        tool = _toml(path, text).get("tool", {})
        table = tool.get("axiomdl") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            return None
        table = {k: v for k, v in table.items() if k not in PYPROJECT_ONLY}
        if not table:
            return None
    if not isinstance(table, dict):  # pragma: no cover - tomllib always gives a table
        raise AxiomdlError("expected a TOML table", file=path)
    try:
        cfg = ProjectConfig.model_validate(table)
    except ValidationError as e:
        raise _config_error(path, text, e) from None
    cfg.file, cfg.text = str(path), text
    return cfg


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise AxiomdlError(f"not valid UTF-8 at offset {e.start}", file=path) from None
    except OSError as e:
        raise AxiomdlError(f"cannot read: {e.strerror}", file=path) from None


def _toml(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"at line (\d+)", str(e))
        raise AxiomdlError(
            f"not valid TOML ({e})", file=path, line=int(m.group(1)) if m else None
        ) from None


def _config_error(path: Path, text: str, e: ValidationError) -> AxiomdlError:
    """The first problem, as ``FILE:LINE: key …``."""
    err = e.errors()[0]
    loc = [str(x) for x in err["loc"]]
    key = next((x for x in reversed(loc) if not x.isdigit()), "")
    if err["type"] == "extra_forbidden":
        allowed = ", ".join(
            f.alias or n
            for n, f in (
                AssumptionRule.model_fields if len(loc) > 1 else ProjectConfig.model_fields
            ).items()
            if n not in ("file", "text")
        )
        msg = f"unknown key `{key}` in {_dotted(loc[:-1]) or 'the file'} (known: {allowed})"
        if key in PYPROJECT_ONLY:
            msg += f"; `{key}` is read from pyproject.toml's [tool.axiomdl]"
        line = _key_line(text, key)
    else:
        detail = str(err.get("msg", "")).removeprefix("Value error, ")
        msg = f"`{_dotted(loc)}`: {detail}"
        value = err.get("input")
        line = _key_line(text, key)
        if isinstance(value, str):
            at = text.find(f'"{value}"')
            line = text.count("\n", 0, at) + 1 if at >= 0 else line
        elif isinstance(value, list):
            bad = next((g for g in value if isinstance(g, str) and glob_problem(g)), None)
            at = text.find(f'"{bad}"') if bad is not None else -1
            line = text.count("\n", 0, at) + 1 if at >= 0 else line
    return AxiomdlError(msg, file=path, line=line)


def _dotted(loc: list[str]) -> str:
    out = ""
    for x in loc:
        out += f"[{int(x) + 1}]" if x.isdigit() else (f".{x}" if out else x)
    return out


def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*(?:\[\[?\s*)?[\"']?{re.escape(key)}[\"']?\s*[=\]]", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


# -- applying the rules ------------------------------------------------------------


def result_type(statement: str) -> str | None:
    """The type after a declaration's binders (``Prop`` in ``class C (x : α) : Prop where``),
    or None when the header gives none."""
    depth, i, n = 0, 0, len(statement)
    start = None
    while i < n:
        c = statement[i]
        if c in "([{⦃⟨":
            depth += 1
        elif c in ")]}⦄⟩":
            depth -= 1
        elif depth == 0:
            if start is None:
                if statement.startswith(":=", i) or _word_at(statement, i, ("where", "extends")):
                    return None
                if c == ":":
                    start = i + 1
            elif (
                statement.startswith(":=", i)
                or c == "|"
                or _word_at(statement, i, ("where", "extends"))
            ):
                return statement[start:i].strip()
        i += 1
    return statement[start:].strip() if start is not None else None


def _word_at(text: str, i: int, words: tuple[str, ...]) -> bool:
    return (i == 0 or text[i - 1].isspace()) and any(
        text.startswith(w, i) and (i + len(w) == len(text) or text[i + len(w)].isspace())
        for w in words
    )


def is_prop_valued(kind: str, statement: str) -> bool:
    """A ``Prop`` (or a family of them, ``α → Prop``) declared as a class, structure or def."""
    if kind not in _PROP_KINDS:
        return False
    t = result_type(statement)
    return t is not None and (t == "Prop" or t.endswith(("→ Prop", "-> Prop")))


def _apply(cfg: ProjectConfig, project: object, package: str | None) -> list[InputWarning]:
    decls = project.decls  # type: ignore[attr-defined]
    if package is not None:
        of = project.package_of  # type: ignore[attr-defined]
        decls = {k: d for k, d in decls.items() if of(k) == package}
    warnings: list[InputWarning] = []
    by_lean: dict[str, list[str]] = {}
    for key in decls:
        by_lean.setdefault(key.partition("@")[0], []).append(key)
    for rule in cfg.assumptions:
        chosen: list[str] = []
        for name in rule.names:
            keys = by_lean.get(name, [])
            line = cfg.line_of(f'"{name}"')
            if not keys and package is None:  # a dependency is read in part: no word
                warnings.append(
                    InputWarning(
                        cfg.file,
                        line,
                        "config",
                        f"`{name}` names no declaration of the project or its imports",
                    )
                )
            for k in keys:
                if decls[k].kind in _THEOREM_KINDS:
                    warnings.append(
                        InputWarning(
                            cfg.file,
                            line,
                            "config",
                            f"`{name}` is a {decls[k].kind}, not a Prop-valued definition; "
                            "left as it is",
                        )
                    )
                else:
                    chosen.append(k)
        patterns = [compile_glob(g) for g in rule.match]
        patterns += [compile_glob(f"{ns}.**") for ns in rule.prop_classes_in]
        n_match = len(rule.match)  # patterns after these select classes and structures only
        if patterns:
            for key, d in decls.items():
                lean = key.partition("@")[0]
                for k, rx in enumerate(patterns):
                    if (
                        rx.match(lean)
                        and is_prop_valued(d.kind, d.statement)
                        and (k < n_match or d.kind in ("class", "structure"))
                    ):
                        chosen.append(key)
                        break
        meta = rule.meta(cfg.file)
        for key in chosen:
            d = decls[key]
            if d.role in ("assumption", "conjecture"):  # its docstring header wins
                d.meta = {**{k: v for k, v in meta.items() if k != NAMED_BY}, **d.meta}
            else:
                d.role = rule.role
                d.meta = {**meta, **d.meta}
    return warnings
