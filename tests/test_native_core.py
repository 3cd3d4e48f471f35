"""The compiled scanner core gives exactly the scans of the pure-Python reference.

Every check runs both implementations on the same real text and compares whole
FileScans (declarations with all their fields, contexts, problems, docs). The
text comes from the fixtures, the bundled library, generated corpus modules and
hypothesis, including an alphabet aimed at the binding-site code paths.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from axiomdl.scan.files import bundled_root
from axiomdl.scan.parse import native_available, scan_text
from tests.test_fuzz_and_cache import LEAN_ALPHABET

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import module_text  # noqa: E402

pytestmark = pytest.mark.skipif(
    not native_available() and not os.environ.get("AXIOMDL_REQUIRE_NATIVE"),
    reason="the C scanner core is not built here (no compiler at install time)",
)


def _same(text: str, name: str = "F.lean") -> None:
    native = scan_text(text, name, "F", native=True)
    reference = scan_text(text, name, "F", native=False)
    if native != reference:  # a readable first difference, not two huge reprs
        assert len(native.decls) == len(reference.decls), name
        for a, b in zip(native.decls, reference.decls, strict=True):
            for key, value in vars(b).items():
                assert getattr(a, key) == value, f"{name}: {b.name}.{key}"
        for key, value in vars(reference).items():
            if key != "decls":
                assert getattr(native, key) == value, f"{name}: {key}"
    assert native == reference


def test_native_core_is_built_where_ci_requires_it() -> None:
    # .ci/run sets AXIOMDL_REQUIRE_NATIVE: a silent fallback must not pass CI
    if os.environ.get("AXIOMDL_REQUIRE_NATIVE"):
        assert native_available(), "the C scanner core failed to build"


def _lean_files() -> list[Path]:
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.lean"))
    files += sorted((bundled_root() / "lean").rglob("*.lean"))
    return files


@pytest.mark.parametrize("path", _lean_files(), ids=lambda p: p.name)
def test_native_matches_reference_on_real_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    _same(text, path.name)


@pytest.mark.parametrize("seed", [0, 1, 7, 42])
def test_native_matches_reference_on_generated_modules(seed: int) -> None:
    _same(module_text(seed, 60), f"M{seed}.lean")


def test_native_rejects_forced_use_when_missing_is_reported(monkeypatch) -> None:
    # native=True must either run the core or fail loudly, never fall back silently
    from axiomdl.scan import parse

    fs = scan_text("theorem t : True := trivial\n", "T.lean", "T", native=True)
    assert [d.name for d in fs.decls] == ["t"]
    monkeypatch.setattr(parse, "_cscan", None)  # as on a machine where it was not built
    with pytest.raises(RuntimeError, match="native scanner core is not built"):
        scan_text("theorem t : True := trivial\n", "T.lean", "T", native=True)
    # the default (native=None) then falls back to the reference
    assert [d.name for d in scan_text("theorem t : True := trivial\n", "T.lean", "T").decls] == [
        "t"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the header colon inside a «name»: the keyword gate is built per side of it
        "def f «x:fun» (a : Nat) => b := a\n",
        "theorem m«:fun b↦»",
        "def r«:by_cases o»",
        "abbrev;«:rename_i»e",
        # bounded spans: a set-builder type and a generalize longer than 400 characters
        "theorem t : {x : " + "a " * 300 + "// b} := by\n  generalize h" + " " * 450 + "= y\n",
        "structure S\n",
        # binder text the audit's mutants reached: a closer before the colon, `:=` and
        # `::` before it, a default value (the reference must split them as the core does)
        "theorem app (f (x) : Foo) : f = f := rfl\n",
        "theorem named (a := b : Bar) : True := trivial\n",
        "theorem cons (a :: b : Baz) : True := trivial\n",
        "theorem dflt (n : Foo := Zero) (m : Nat := 0) : n = n := rfl\n",
    ],
)
def test_native_matches_reference_on_review_cases(text: str) -> None:
    _same(text)


def test_native_scan_does_not_leak_subnames() -> None:
    text = (
        "structure S where\n  a : Nat\n  b : Nat\n"
        "inductive I | one | two\n"
        "def f : Nat := helper where\n  helper := 1\n  other := 2\n"
    )
    for _ in range(50):  # warm caches (interned strings, lru caches)
        scan_text(text, "L.lean", "L", native=True)
    gc.collect()
    before = sys.getallocatedblocks()
    gc.disable()  # the scanner must not make cycles either: scan_project freezes its objects
    try:
        for _ in range(1000):
            scan_text(text, "L.lean", "L", native=True)
    finally:
        gc.enable()
    grown = sys.getallocatedblocks() - before
    # a leak of one object per scan would keep >= 1000 blocks; caches stay well below 500
    assert grown < 500, f"{grown} blocks kept after 1000 scans: a leak or a reference cycle"


_BINDING = [
    "fun x => ",
    "fun ⟨a, b⟩ ↦ ",
    "λ y, ",
    "∀ x y : Nat, ",
    "∀ {α} (h : p), ",
    "∃ z, ",
    "∃! w, ",
    "∑ i in s, ",
    "⋂ j, ",
    "intro a b\n",
    "rintro ⟨h1, h2⟩ <;> ",
    "obtain ⟨c, hc⟩ := ",
    "have h : ",
    "let q := ",
    "set r := ",
    "with x y\n",
    "with\n  | zero => ",
    "case succ n ih => ",
    "if hp : p then ",
    "generalize hg : f x = y\n",
    "generalize e = k\n",
    "{ x : Nat // x > 0 }",
    "{ x | x ∈ s }",
    "{ a : α // p a // q }",
    "| .some v => ",
    "| 0 => ",
    "|| ",
    "match h with\n",
    "by_contra! hn\n",
    "induction n generalizing m with\n",
    "x := 1\n",
    "a!b := 2\n",
    "decide := true ",
    "native_decide ",
    "theorem ",
    "lemma ",
    "def ",
    "instance ",
    "instance (priority := 10) ",
    "structure ",
    "class ",
    "inductive ",
    "example ",
    "abbrev ",
    "axiom ",
    "extends ",
    "where\n  ",
    "deriving Repr\n",
    "mk :: ",
    "variable ",
    "include ",
    "omit ",
    "namespace A\n",
    "end A\n",
    "section\n",
    "end\n",
    "open A in\n",
    "open A (x y) hiding z\n",
    "set_option autoImplicit false in\n",
    "universe u\n",
    "/-- doc Assumption: x\nArea: landscape -/\n",
    "@[simp] ",
    "private ",
    "_root_.",
    "«a b»",
    "x₁ ",
    "h.bound ",
    "Nat.le_trans ",
    ":= by\n  ",
    " : ",
    " → ",
    " -> ",
    " ↔ ",
    "(h : a ≤ b) ",
    "[inst : Add α] ",
    "{{a b}} ",
    "{{a : T}} ",
    "⦃x⦄ ",
    "⦃y : T⦄ ",
    # forms the test audit found missing: membership binders, `choose`, qualified arms
    "∀ x ∈ s, ",
    "∃ y ∉ t, ",
    "choose f hf using ",
    "| Nat.succ n => ",
    "def f : Nat → Nat\n  | Nat.succ n => ",
    "\n",
    "  ",
    # the module system and Lean's scope rules (issue 14)
    "module\n",
    "public ",
    "meta ",
    "public import A.B\n",
    "public meta import C\n",
    "import all D\n",
    "@[expose] public section\n",
    "public meta section\n",
    "namespace A.B\n",
    "end A.B\n",
    "section S.T\n",
    "include h in\n",
    "omit [inst : Add α] in\n",
    "variable (y : Nat) in\n",
    "protected ",
    "`(section\nend)",
    "instance [Repr α] : ToString (List α × S) ",
    "instance : Decidable (a < b) ",
    "(f : ℝ → ℕ) ",
]
BINDING_ALPHABET = st.sampled_from([*_BINDING, "a", "b", "x", "(", ")", ",", "=", "!", "?", "'"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(BINDING_ALPHABET, max_size=120).map("".join))
def test_native_matches_reference_on_binding_heavy_text(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LEAN_ALPHABET, max_size=200).map("".join))
def test_native_matches_reference_on_lean_like_text(text: str) -> None:
    _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_native_matches_reference_on_unicode(text: str) -> None:
    _same(text)


def _resolve_both(root: Path) -> None:
    from axiomdl.scan.project import resolve_project, scan_project

    project = scan_project(root, use_cache=False)
    native = resolve_project(root, project.files, native=True)
    reference = resolve_project(root, project.files, native=False)
    assert native.refs.keys() == reference.refs.keys()
    for name, refs in reference.refs.items():
        assert native.refs[name] == refs, name
    assert native.duplicates == reference.duplicates
    assert native.decl_file == reference.decl_file
    assert all(native.decls[n] is d for n, d in reference.decls.items())


@pytest.mark.parametrize(
    "root",
    [
        bundled_root() / "lean",
        *sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir()),
    ],
    ids=lambda p: p.name,
)
def test_native_resolution_matches_reference(root: Path) -> None:
    _resolve_both(root)


def test_native_resolution_matches_reference_on_generated_project(tmp_path: Path) -> None:
    for seed in range(12):
        d = tmp_path / f"D{seed % 3}"
        d.mkdir(exist_ok=True)
        (d / f"M{seed}.lean").write_text(module_text(seed, 25), encoding="utf-8")
    _resolve_both(tmp_path)


_RESOLUTION_PROJECT = {
    "A/Base.lean": """namespace A
structure S where
  x : Nat
inductive I | one | two
def f (n : Nat) : Nat := n
theorem foo_iff : True ↔ True := Iff.rfl
namespace B
def g : Nat := 1
theorem h : g = g := rfl
end B
end A
""",
    "A/Use.lean": """open A (f S) in
theorem t1 : f 1 = f 1 := rfl
open A hiding f
theorem t2 : S.mk 1 = S.mk 1 := rfl
open A renaming f → ff
theorem t3 : ff 1 = A.f 1 := rfl
theorem t4 : A.I.rec = A.I.rec := rfl
theorem t5 : A.f.eq_1 = A.f.eq_1 := rfl
theorem t6 : True := A.foo_iff.mpr trivial
theorem _root_.A.B.t7 : A.B.g = g := rfl
namespace A.B
theorem t8 : g = f 1 := rfl
export A (f)
end A.B
theorem t9 : A.B.f 2 = 2 := rfl
theorem t10 : Nat.succ 0 = 1 := rfl
""",
}


_VISIBILITY_PROJECT = {
    # protected, private (with `import all`), one name in unrelated modules, anonymous
    # instances numbered and suffixed: the lookups that depend on the referring file
    "P/Base.lean": """module
public section
namespace P
structure S where
  x : Nat
protected def S.size (s : S) : Nat := s.x
def size (n : Nat) : Nat := n
private def secret : Nat := 1
private structure Hidden where
  y : Nat
instance : Inhabited S := ⟨⟨0⟩⟩
instance : Inhabited S := ⟨⟨1⟩⟩
namespace S
theorem t (s : S) : size s.x = s.x := rfl
theorem u (s : S) : S.size s = s.x := rfl
end S
end P
""",
    "P/Open.lean": """module
import all P.Base
namespace P
theorem v : secret = 1 := rfl
theorem w (h : Hidden) : h.y = h.y := rfl
instance : Nonempty S := ⟨⟨2⟩⟩
end P
""",
    "P/Closed.lean": """import P.Base
namespace P
theorem v2 : secret = secret := rfl
end P
""",
    "Q/One.lean": "def sample : Nat := 1\ntheorem q1 : sample = 1 := rfl\n",
    "Q/Two.lean": "def sample : Nat := 2\ntheorem q2 : sample = 2 := rfl\n",
}


def _write_project(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_native_resolution_matches_reference_on_visibility_rules(tmp_path: Path) -> None:
    _write_project(tmp_path, _VISIBILITY_PROJECT)
    _resolve_both(tmp_path)
    from axiomdl.scan.project import scan_project

    p = scan_project(tmp_path, use_cache=False)
    assert p.refs["P.S.t"].concl == {"P.size"}  # not the protected `P.S.size`
    assert "P.S.size" in p.refs["P.S.u"].concl
    assert p.refs["P.v"].concl == {"P.secret"} and p.refs["P.v2"].external == {"secret"}
    assert p.refs["q1"].concl == {"sample@Q.One"} and p.refs["q2"].concl == {"sample@Q.Two"}
    assert {"P.instInhabitedS", "P.instInhabitedS_1", "P.instNonemptyS_p"} <= set(p.decls)


def test_native_resolution_matches_reference_on_lookup_rules(tmp_path: Path) -> None:
    _write_project(tmp_path, _RESOLUTION_PROJECT)
    _resolve_both(tmp_path)


_MALFORMED = r"""
import sys
from pathlib import Path
from axiomdl.scan.project import resolve_project
from axiomdl.scan.records import Context, FileScan, OpenDirective, RawDecl
case, native = sys.argv[1], sys.argv[2] == "1"
fs = FileScan(path="F.lean", module="F")
fs.contexts.append(Context("A", (OpenDirective("B", "", None, (), ()),)))
d = RawDecl(name="A.t", kind="theorem", line=1, end_line=1, ctx=0)
d.hyp = {"h.x", "f"}
fs.decls = [d, RawDecl(name="A.f", kind="def", line=2, end_line=2, ctx=0)]
if case == "head":
    d.binder_heads = {"h": 12345}
elif case == "namespace":
    fs.contexts[0] = Context(None, ())
elif case == "open":  # a name found only through the opens, so they are read
    fs.contexts[0] = Context("A", (OpenDirective(7, None, None, (), ()),))
    fs.decls.append(RawDecl(name="Z.g", kind="def", line=3, end_line=3, ctx=0))
    d.hyp = {"g"}
elif case == "name":
    d.name = 5
elif case == "raw":
    d.hyp = {3}
try:
    resolve_project(Path("."), [fs], native=native)
    print("no error")
except Exception as e:
    print("raised", type(e).__name__)
"""


# What each implementation does with records of the wrong types. The native loop checks
# types and raises TypeError every time; the reference fails wherever Python first trips
# (or, for an open it never needs to read, not at all). Neither sees such records in use:
# the cache loader rebuilds scans of the wrong shape first (the test below).
_MALFORMED_OUTCOME = {
    "head": ("raised TypeError", "raised AttributeError"),
    "namespace": ("raised TypeError", "raised TypeError"),
    "open": ("raised TypeError", "no error"),
    "name": ("raised TypeError", "raised AttributeError"),
    "raw": ("raised TypeError", "raised AttributeError"),
}


@pytest.mark.parametrize("case", sorted(_MALFORMED_OUTCOME))
def test_native_resolution_raises_on_malformed_records(case: str) -> None:
    # records from a corrupt cache: a TypeError from the native loop, never a crash
    import subprocess

    got = []
    for native in ("1", "0"):
        out = subprocess.run(
            [sys.executable, "-c", _MALFORMED, case, native],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr[-500:]
        got.append(out.stdout.strip())
    assert tuple(got) == _MALFORMED_OUTCOME[case]


def test_scan_rebuilds_when_cached_scans_have_wrong_shapes(tmp_path: Path) -> None:
    import pickle

    from axiomdl.scan.cache import CACHE_FORMAT, CacheDir
    from axiomdl.scan.project import SCANNER_VERSION, scan_project

    root = tmp_path / "p"
    root.mkdir()
    for i in range(3):
        (root / f"M{i}.lean").write_text(f"theorem t{i} : True := trivial\n", encoding="utf-8")
    cache = tmp_path / "cache"
    scan_project(root, cache_dir=cache)
    store = CacheDir(cache, root, SCANNER_VERSION)
    files = pickle.loads(store.path("files").read_bytes())["value"]
    for fs in files.values():
        for d in fs.decls:
            d.name = 42  # a well-formed pickle whose records hold the wrong types
    store.path("files").write_bytes(pickle.dumps({"format": CACHE_FORMAT, "value": files}))
    (root / "M0.lean").write_text("theorem t0 : True := trivial\n\n", encoding="utf-8")
    again = scan_project(root, cache_dir=cache)
    assert sorted(again.decls) == ["t0", "t1", "t2"]
    assert again.cache_note and "ignored corrupt cache" in again.cache_note
