"""Read a Lake package configuration (``lakefile.lean`` or ``lakefile.toml``) without Lake.

The scanner needs what ``lake build`` would compile: every ``lean_lib`` (its
``srcDir``, ``roots`` and ``globs``) and every ``lean_exe`` (its ``srcDir`` and
``root``), with Lake's defaults (``Lake/Config/LeanLibConfig.lean``): a library's
roots default to its name, its globs to one ``Glob.one`` per root, ``srcDir`` to
``.`` under the package's own ``srcDir``. ``requires`` are kept for following
dependencies. TOML is read with :mod:`tomllib`; the Lean DSL is read from its text
(declarations at column 0, literal field values), since no Lean is available: a
configuration computed by code is reported as not understood
(:class:`LakeConfigError`) and the caller scans the whole tree instead.

Lake reads ``lakefile.lean`` when both files exist.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

LAKEFILES = ("lakefile.lean", "lakefile.toml")


class LakeConfigError(Exception):
    """The configuration exists but cannot be read without running Lake."""

    def __init__(self, file: Path, message: str) -> None:
        super().__init__(f"{file.name}: {message}")
        self.file = file


@dataclass
class Glob:
    """A set of module names: ``Foo`` (one), ``Foo.*`` (it and submodules), ``Foo.+``."""

    module: str
    kind: str = "one"  # one | andSubmodules | submodules

    @classmethod
    def parse(cls, text: str) -> Glob:
        """Lake's TOML spelling (``Glob.ofString?``)."""
        if text.endswith(".*"):
            return cls(module=text[:-2], kind="andSubmodules")
        if text.endswith(".+"):
            return cls(module=text[:-2], kind="submodules")
        return cls(module=text)

    def matches(self, module: str) -> bool:
        """``Glob.matches``: whether ``module`` is selected."""
        under = module.startswith(self.module + ".")
        if self.kind == "one":
            return module == self.module
        if self.kind == "submodules":
            return under
        return under or module == self.module

    def __str__(self) -> str:
        return self.module + {"one": "", "andSubmodules": ".*", "submodules": ".+"}[self.kind]


@dataclass
class LeanLib:
    """One ``lean_lib``: where its sources are and which modules it builds."""

    name: str
    roots: list[str]
    globs: list[Glob]
    src_dir: str = "."  # relative to the package directory (package srcDir included)
    default: bool = False

    def is_local(self, module: str) -> bool:
        """``isLocalModule``: under a root, or selected by a glob."""
        return any(module == r or module.startswith(r + ".") for r in self.roots) or any(
            g.matches(module) for g in self.globs
        )


@dataclass
class LeanExe:
    """One ``lean_exe``: its root module (``root``, default: its name)."""

    name: str
    root: str
    src_dir: str = "."
    default: bool = False


@dataclass
class Require:
    """One dependency, as written (``require`` / ``[[require]]``)."""

    name: str
    scope: str | None = None
    git: str | None = None
    rev: str | None = None
    path: str | None = None
    version: str | None = None
    subdir: str | None = None


@dataclass
class LakeConfig:
    """What a package's configuration says about building and dependencies."""

    file: str
    package: str | None = None
    src_dir: str = "."
    libraries: list[LeanLib] = field(default_factory=list)
    executables: list[LeanExe] = field(default_factory=list)
    requires: list[Require] = field(default_factory=list)
    default_targets: list[str] = field(default_factory=list)
    lean_options: dict[str, str | bool | int] = field(default_factory=dict)

    def target_names(self) -> list[str]:
        """``lib Name`` / ``exe name`` for every target, for messages."""
        return [f"lean_lib {lib.name}" for lib in self.libraries] + [
            f"lean_exe {exe.name}" for exe in self.executables
        ]


def find_lakefile(root: Path) -> Path | None:
    """The configuration file Lake would read in ``root`` (``lakefile.lean`` first)."""
    for name in LAKEFILES:
        p = root / name
        if p.is_file():
            return p
    return None


def load_lake_config(root: Path) -> LakeConfig | None:
    """The package configuration in ``root``; None without one.

    Raises :class:`LakeConfigError` when the file exists but cannot be understood."""
    path = find_lakefile(root)
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LakeConfigError(path, f"cannot read ({e})") from None
    cfg = read_toml(text, path) if path.suffix == ".toml" else read_lean(text, path)
    if not cfg.libraries and not cfg.executables:
        raise LakeConfigError(path, "declares no lean_lib or lean_exe")
    return cfg


# -- TOML --------------------------------------------------------------------------


def _strings(value: object, what: str, path: Path) -> list[str]:
    """A string or an array of strings (``decodeArrayOrSingleton``)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise LakeConfigError(path, f"`{what}` must be a string or an array of strings")


def _string(table: dict, key: str, path: Path, default: str | None = None) -> str | None:
    value = table.get(key, default)
    if value is not None and not isinstance(value, str):
        raise LakeConfigError(path, f"`{key}` must be a string")
    return value


def _options(value: object) -> dict[str, str | bool | int]:
    """``leanOptions``: a table (dotted keys nest) or an array of ``[name, value]`` pairs."""
    out: dict[str, str | bool | int] = {}
    if isinstance(value, list):
        for pair in value:
            if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str):
                out[pair[0]] = pair[1]
        return out

    def walk(prefix: str, table: dict) -> None:
        for k, v in table.items():
            key = f"{prefix}.{k}" if prefix else k
            if isinstance(v, dict):
                walk(key, v)
            elif isinstance(v, str | bool | int):
                out[key] = v

    if isinstance(value, dict):
        walk("", value)
    return out


def read_toml(text: str, path: Path) -> LakeConfig:
    """``lakefile.toml``: ``[[lean_lib]]``, ``[[lean_exe]]``, ``[[require]]``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LakeConfigError(path, f"not valid TOML ({e})") from None
    pkg_src = _string(data, "srcDir", path, ".") or "."
    defaults = _strings(data.get("defaultTargets", []), "defaultTargets", path)
    cfg = LakeConfig(
        file=path.name,
        package=_string(data, "name", path),
        src_dir=pkg_src,
        default_targets=defaults,
        lean_options=_options(data.get("leanOptions", {})),
    )
    for t in _tables(data, "lean_lib", path):
        name = _need_name(t, "lean_lib", path)
        roots = _strings(t.get("roots", [name]), "roots", path)
        globs_raw = _strings(t["globs"], "globs", path) if "globs" in t else roots
        cfg.libraries.append(
            LeanLib(
                name=name,
                src_dir=_join(pkg_src, _string(t, "srcDir", path, ".") or "."),
                roots=roots,
                globs=[Glob.parse(g) for g in globs_raw],
                default=name in defaults,
            )
        )
    for t in _tables(data, "lean_exe", path):
        name = _need_name(t, "lean_exe", path)
        cfg.executables.append(
            LeanExe(
                name=name,
                src_dir=_join(pkg_src, _string(t, "srcDir", path, ".") or "."),
                root=_string(t, "root", path, name) or name,
                default=name in defaults,
            )
        )
    for t in _tables(data, "require", path):
        cfg.requires.append(
            Require(
                name=_need_name(t, "require", path),
                scope=_string(t, "scope", path),
                git=_git_url(t.get("git"), path),
                rev=_string(t, "rev", path),
                path=_string(t, "path", path),
                version=_string(t, "version", path),
                subdir=_string(t, "subDir", path),
            )
        )
    return cfg


def _tables(data: dict, key: str, path: Path) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise LakeConfigError(path, f"`{key}` must be an array of tables ([[{key}]])")
    return value


def _need_name(table: dict, what: str, path: Path) -> str:
    name = table.get("name")
    if not isinstance(name, str) or not name:
        raise LakeConfigError(path, f"a [[{what}]] has no `name`")
    return name


def _git_url(value: object, path: Path) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("url"), str):
        return value["url"]
    raise LakeConfigError(path, "`git` must be a URL or a table with `url`")


def _join(base: str, sub: str) -> str:
    """``pkg.srcDir / lib.srcDir`` as a relative POSIX path."""
    parts = [p for p in f"{base}/{sub}".split("/") if p not in ("", ".")]
    return "/".join(parts) or "."


# -- the Lean DSL ------------------------------------------------------------------

_STRING = r'"(?:[^"\\]|\\.)*"'
_ATOM = r"(?:«[^»]*»|[^\W\d][\w'!?]*)"
_NAME = _ATOM + r"(?:\." + _ATOM + r")*"
_ITEM = re.compile(
    r"^(?P<attrs>(?:@\[[^\]]*\]\s*)*)(?P<kw>package|lean_lib|lean_exe|require)\b",
    re.M,
)
_FIELD = re.compile(r"(?<![\w.])(?P<key>[A-Za-z_][\w']*)\s*:=")
_TICK_NAME = re.compile(r"`(?P<name>" + _NAME + r")(?P<glob>\.[*+])?")


def _strip_comments(text: str) -> str:
    """Blank ``--`` and (nested) ``/- -/`` comments, keeping strings and offsets."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif text.startswith("/-", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/-", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("-/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out[i:j] = [ch if ch == "\n" else " " for ch in text[i:j]]
            i = j
        else:
            i += 1
    return "".join(out)


def _unname(raw: str) -> str:
    """A Lean name as written (``«axiomdl-export»``, ``Foo.Bar``) as a dotted string."""
    return ".".join(p.strip("«»") for p in re.findall(r"«[^»]*»|[^.]+", raw))


def _unquote(raw: str) -> str:
    return re.sub(r"\\(.)", r"\1", raw[1:-1])


def read_lean(text: str, path: Path) -> LakeConfig:
    """``lakefile.lean``: ``package``, ``lean_lib``, ``lean_exe`` and ``require`` items."""
    src = _strip_comments(text)
    items = list(_ITEM.finditer(src))
    cfg = LakeConfig(file=path.name)
    pkg_src = "."
    for k, m in enumerate(items):
        end = items[k + 1].start() if k + 1 < len(items) else len(src)
        body = src[m.end() : end]
        kw = m.group("kw")
        default = "default_target" in m.group("attrs")
        if kw == "require":
            cfg.requires.append(_lean_require(body, path))
            continue
        nm = re.match(r"\s*(" + _NAME + ")", body)
        if not nm:
            raise LakeConfigError(path, f"a `{kw}` without a name")
        name = _unname(nm.group(1))
        fields = _lean_fields(body[nm.end() :], path)
        if kw == "package":
            cfg.package = name
            pkg_src = _path_value(fields.get("srcDir", '"."'), "srcDir", path)
            cfg.src_dir = pkg_src
            cfg.lean_options = _lean_options(fields.get("leanOptions", ""))
        elif kw == "lean_lib":
            roots = (
                [g.module for g in _globs(fields["roots"], "roots", path)]
                if "roots" in fields
                else [name]
            )
            globs = (
                _globs(fields["globs"], "globs", path)
                if "globs" in fields
                else [Glob(module=r) for r in roots]
            )
            lib_src = _path_value(fields.get("srcDir", '"."'), "srcDir", path)
            cfg.libraries.append(
                LeanLib(name=name, src_dir=lib_src, roots=roots, globs=globs, default=default)
            )
        else:
            root = _globs(fields["root"], "root", path)[0].module if "root" in fields else name
            exe_src = _path_value(fields.get("srcDir", '"."'), "srcDir", path)
            cfg.executables.append(LeanExe(name=name, src_dir=exe_src, root=root, default=default))
        if default:
            cfg.default_targets.append(name)
    for t in (*cfg.libraries, *cfg.executables):
        t.src_dir = _join(pkg_src, t.src_dir)
    return cfg


def _lean_fields(body: str, path: Path) -> dict[str, str]:
    """``where`` fields or ``{ … }`` fields: key → value text (up to the next field)."""
    keys = list(_FIELD.finditer(body))
    out: dict[str, str] = {}
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        out[m.group("key")] = body[m.end() : end].strip().rstrip(",}").strip()
    return out


def _path_value(raw: str, key: str, path: Path) -> str:
    """``"lean"`` or ``"a" / "b"``; anything computed is not understood."""
    parts = re.findall(_STRING, raw)
    if not parts or re.sub(_STRING, "", raw).strip(" /\t\n"):
        raise LakeConfigError(path, f"`{key} := {raw.strip()[:60]}` is computed, not a literal")
    return _join(".", "/".join(_unquote(p) for p in parts))


def _globs(raw: str, key: str, path: Path) -> list[Glob]:
    """``#[`A, .submodules `B, Glob.andSubmodules `C, `D.*]`, or a single `` `A ``."""
    inner = raw.strip()
    if inner.startswith("#[") and inner.endswith("]"):
        inner = inner[2:-1]
    out: list[Glob] = []
    for item in (x.strip() for x in inner.split(",")):
        if not item:
            continue
        m = _TICK_NAME.search(item)
        head = item[: m.start()].strip() if m else ""
        kind = {
            "": "one",
            ".one": "one",
            "Glob.one": "one",
            ".submodules": "submodules",
            "Glob.submodules": "submodules",
            ".andSubmodules": "andSubmodules",
            "Glob.andSubmodules": "andSubmodules",
        }.get(head)
        if m is None or kind is None or item[m.end() :].strip():
            raise LakeConfigError(path, f"`{key} := {raw.strip()[:60]}` is computed, not a literal")
        if m.group("glob"):
            kind = "andSubmodules" if m.group("glob") == ".*" else "submodules"
        out.append(Glob(module=_unname(m.group("name")), kind=kind))
    if not out:
        raise LakeConfigError(path, f"`{key}` is empty")
    return out


def _lean_options(raw: str) -> dict[str, str | bool | int]:
    """``#[⟨`autoImplicit, false⟩, …]``: the literal entries."""
    out: dict[str, str | bool | int] = {}
    for m in re.finditer(r"⟨\s*`(" + _NAME + r")\s*,\s*(true|false|\d+|" + _STRING + r")\s*⟩", raw):
        v = m.group(2)
        out[_unname(m.group(1))] = (
            v == "true" if v in ("true", "false") else int(v) if v.isdigit() else _unquote(v)
        )
    return out


_REQUIRE = re.compile(
    r"\s*(?:(?P<scope>" + _STRING + r")\s*/\s*)?(?P<name>" + _STRING + "|" + _NAME + r")"
    r"(?:\s*@\s*(?P<vgit>git\s+)?(?P<version>" + _STRING + r"))?"
    r"(?:\s+from\s+(?:(?P<git>git)\s+)?(?P<src>" + _STRING + r")"
    r"(?:\s*@\s*(?P<rev>" + _STRING + r"))?(?:\s*/\s*(?P<subdir>" + _STRING + r"))?)?"
)


def _lean_require(body: str, path: Path) -> Require:
    m = _REQUIRE.match(body)
    if not m:
        raise LakeConfigError(path, "a `require` that is not `require NAME from …`")
    name = m.group("name")
    name = _unquote(name) if name.startswith('"') else _unname(name)
    src = _unquote(m.group("src")) if m.group("src") else None
    version = _unquote(m.group("version")) if m.group("version") else None
    rev = _unquote(m.group("rev")) if m.group("rev") else None
    if m.group("vgit"):  # `@ git "rev"`: a revision of the package Reservoir names
        rev, version = version, None
    return Require(
        name=name,
        scope=_unquote(m.group("scope")) if m.group("scope") else None,
        git=src if m.group("git") else None,
        path=src if src is not None and not m.group("git") else None,
        rev=rev,
        version=version,
        subdir=_unquote(m.group("subdir")) if m.group("subdir") else None,
    )
