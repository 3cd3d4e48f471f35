"""The static scanner on real Lean 4 text in Batteries and Mathlib style."""

from __future__ import annotations

from pathlib import Path

import pytest

from axiomdl.scan.parse import scan_text
from axiomdl.scan.project import Project, scan_project

from .conftest import FIXTURES, SCANNERS


@pytest.fixture(scope="module", params=SCANNERS)
def demo(request: pytest.FixtureRequest) -> Project:
    return scan_project(FIXTURES / "scanner", use_cache=False, native=request.param)


def test_files_modules_imports(demo: Project) -> None:
    by_module = {f.module: f for f in demo.files}
    assert set(by_module) == {"Demo.Batteries", "Demo.Mathlib"}
    bat = by_module["Demo.Batteries"]
    assert [m for m, _ in bat.imports] == ["Init", "Std.Data.HashMap"]
    assert bat.autoimplicit_off
    assert bat.module_doc is not None and bat.module_doc.startswith("# Scanner fixture")
    assert not bat.problems, bat.problems
    assert not by_module["Demo.Mathlib"].problems


def test_every_declaration_kind(demo: Project) -> None:
    kinds = {d.kind for d in demo.decls.values()}
    assert {
        "structure",
        "def",
        "theorem",
        "lemma",
        "instance",
        "class",
        "abbrev",
        "opaque",
        "axiom",
        "inductive",
    } <= kinds
    d = demo.decls
    assert d["Demo.Stack"].kind == "structure"
    assert d["Demo.Sized"].kind == "class"
    assert d["Demo.Pair"].kind == "abbrev"
    assert d["Demo.hidden"].kind == "opaque"
    assert d["Demo.bad_axiom"].kind == "axiom"
    assert d["Demo.Color"].kind == "inductive"


def test_namespaces_nest_and_end(demo: Project) -> None:
    assert "Demo.Stack.push" in demo.decls
    assert "Demo.Stack.size_push" in demo.decls
    assert "Demo.tricky" in demo.decls  # after `end Stack`, back in Demo
    assert "Demo.Mathlib.Mono" in demo.decls


def test_strings_and_chars_do_not_open_comments(demo: Project) -> None:
    # everything after the tricky string/char definitions is still found
    for name in ("Demo.tricky", "Demo.quoteChar", "Demo.dashChar", "Demo.countdown", "Demo.omits"):
        assert name in demo.decls


def test_guillemets_and_unicode(demo: Project) -> None:
    assert "Demo.«weird name»" in demo.decls
    assert "Demo.«weird name»" in demo.refs["Demo.uses_weird"].concl


def test_modifiers_and_attributes(demo: Project) -> None:
    d = demo.decls
    assert d["Demo.secret_lemma"].modifiers == ["private"]
    assert d["Demo.Stack.size"].modifiers == ["protected"]
    assert d["Demo.chosen"].modifiers == ["noncomputable"]
    assert d["Demo.loop"].modifiers == ["partial"]
    assert d["Demo.unsafeId"].modifiers == ["unsafe"]
    assert d["Demo.nonrecId"].modifiers == ["nonrec"]
    assert d["Demo.Stack.size_push"].attrs == ["simp"]
    assert d["Demo.Stack.push"].attrs == ["inline"]


def test_where_fields_constructors_and_deriving(demo: Project) -> None:
    d = demo.decls
    assert "Demo.sumTo.go" in d["Demo.sumTo"].subnames
    assert "go" not in demo.refs["Demo.sumTo"].external
    assert {"Demo.Stack.items", "Demo.Stack.mk"} <= set(d["Demo.Stack"].subnames)
    assert {"Demo.Color.red", "Demo.Color.green"} <= set(d["Demo.Color"].subnames)
    assert "Demo.Color.deriving" not in d["Demo.Color"].subnames
    # instance `where` fields are not references
    assert "toString" not in demo.refs["Demo.instReprStack"].external


def test_termination_by_and_decreasing_by_stay_in_the_body(demo: Project) -> None:
    d = demo.decls["Demo.countdown"]
    assert d.end_line > d.line + 1
    assert "Demo.termination_by" not in demo.decls


def test_flags(demo: Project) -> None:
    d = demo.decls

    def flags(name: str) -> set[str]:
        return d[name].flags - {"builds_inline"}  # tested on its own below

    assert flags("Demo.with_sorry") == {"sorry"}
    assert flags("Demo.with_native") == {"native_decide"}
    assert flags("Demo.with_decide_true") == {"decide_true"}
    assert flags("Demo.bad_axiom") == {"axiom"}
    assert d["Demo.bad_axiom"].role == "axiom"
    assert not flags("Demo.tricky")


BUILDS_SRC = """\
theorem term_app (h : P) : Q := lemma_q h
theorem anon : Q := lemma_q ⟨fun x => x⟩
theorem tactic : Q := by exact lemma_q h
theorem inst : Q := lemma_q { le := 0 }
theorem wh : Q where
  field := 0
theorem dotted : Q := lemma_q h.by_cases
structure S where
  x : Nat
"""


@pytest.mark.parametrize("native", [True, False], ids=["c-core", "python"])
def test_builds_inline_flag(native: bool) -> None:
    """A proof that may build a structure without naming it (derivation.py) is flagged."""
    from axiomdl.scan.parse import native_core, scan_text

    if native and native_core() is None:
        pytest.skip("the C scanner core is not built")
    fs = scan_text(BUILDS_SRC, "B.lean", "B", native=native)
    got = {x.name for x in fs.decls if "builds_inline" in x.flags}
    assert got == {"anon", "tactic", "inst", "wh"}


def test_mutual_block(demo: Project) -> None:
    assert "Demo.isOdd" in demo.refs["Demo.isEven"].proof
    assert "Demo.isEven" in demo.refs["Demo.isOdd"].proof


def test_commands_are_skipped_without_derailing(demo: Project) -> None:
    names = set(demo.decls)
    assert not any("my_trivial" in n or "fancy" in n or "noop" in n for n in names)
    assert "Demo.deep" in names  # after `set_option … in`
    assert "Demo.opened" in names  # after `open Nat in`


def test_open_hiding_renaming_and_export(demo: Project) -> None:
    fs = next(f for f in demo.files if f.module == "Demo.Batteries")
    opens = fs.contexts[demo.decls["Demo.viaExport"].ctx].opens
    assert any(o.namespace == "Nat" and o.hiding == ("add_comm",) for o in opens)
    assert any(o.renaming == (("succ", "nxt"),) for o in opens)
    assert "Demo.Stack.push" in demo.refs["Demo.viaExport"].proof


def test_open_in_applies_to_next_command_only(demo: Project) -> None:
    fs = next(f for f in demo.files if f.module == "Demo.Batteries")
    opened = fs.contexts[demo.decls["Demo.opened"].ctx].opens
    deep = fs.contexts[demo.decls["Demo.deep"].ctx].opens
    assert any(o.namespace == "Nat" for o in opened)
    assert not any(o.namespace == "Nat" for o in deep)


def test_variables_follow_lean4_inclusion(demo: Project) -> None:
    # `[Inhabited α]` is included once `α` is mentioned
    assert "Inhabited" in demo.refs["Demo.Mathlib.inst_demo"].external
    assert "default" in demo.refs["Demo.Mathlib.inst_demo"].external
    # `f` comes from `variable`, never an external name
    for r in demo.refs.values():
        assert "f" not in r.external


def test_docstring_headers(demo: Project) -> None:
    mono = demo.decls["Demo.Mathlib.Mono"]
    assert mono.role == "assumption"
    assert mono.meta == {
        "area": "landscape",
        "status": "plausible",
        "evidence": "fixture only",
        "refs": "none",
    }
    assert demo.decls["Demo.Mathlib.FixConjecture"].role == "conjecture"
    assert demo.decls["Demo.Stack.push"].doc == "Push an element."


def test_statement_and_proof_kept_apart(demo: Project) -> None:
    r = demo.refs["Demo.Mathlib.mono_comp"]
    assert r.hyp == {"Demo.Mathlib.Mono"}
    d = demo.decls["Demo.Mathlib.fix_exists"]
    assert d.statement.startswith("theorem fix_exists (h : HasFix f)")
    assert ":=" not in d.statement
    assert "Demo.Mathlib.HasFix" in demo.refs["Demo.Mathlib.fix_exists"].hyp


def test_local_binders_are_not_references(demo: Project) -> None:
    for name in ("Demo.Mathlib.rcases_demo", "Demo.Mathlib.calc_demo", "Demo.Mathlib.fun_demo"):
        ext = demo.refs[name].external
        assert not ext & {"hp", "hq", "h", "x", "p", "q", "a", "b", "c", "h₁", "h₂"}, ext


def test_line_spans(demo: Project) -> None:
    d = demo.decls["Demo.Stack.size_push"]
    text = (FIXTURES / "scanner" / "Demo" / "Batteries.lean").read_text().splitlines()
    assert "theorem size_push" in text[d.line - 1]
    assert "simp [push" in text[d.end_line - 1]


@pytest.mark.parametrize("native", SCANNERS)
def test_root_prefix_and_decl_namespace(native: bool) -> None:
    src = """set_option autoImplicit false
namespace A
def _root_.topLevel : Nat := 1
def B.c : Nat := topLevel
theorem B.d : B.c = 1 := rfl
end A
"""
    fs = scan_text(src, "X.lean", "X", native=native)
    assert [d.name for d in fs.decls] == ["topLevel", "A.B.c", "A.B.d"]


@pytest.mark.parametrize("native", SCANNERS)
def test_namespace_end_mismatch_reported(native: bool) -> None:
    fs = scan_text("namespace A\nsection S\nend A\n", "M.lean", "M", native=native)
    assert any(code == "scope" and "does not match" in msg for _, code, msg in fs.problems)


@pytest.mark.parametrize("native", SCANNERS)
def test_module_docs_and_nested_doc_comments(native: bool) -> None:
    src = "/-! outer /- nested -/ still doc -/\n/-- doc /- nested -/ end -/\ntheorem t : True := trivial\n"
    fs = scan_text(src, "M.lean", "M", native=native)
    assert fs.module_doc == "outer /- nested -/ still doc"
    assert fs.decls[0].doc == "doc /- nested -/ end"


def test_project_of_a_single_file(tmp_path: Path) -> None:
    f = tmp_path / "One.lean"
    f.write_text("theorem one : 1 = 1 := rfl\n")
    p = scan_project(f, use_cache=False)
    assert list(p.decls) == ["one"]


BINDERS = """set_option autoImplicit false
theorem strict {{a : Foo}} : a = a := rfl
theorem strict_u ⦃a : Foo⦄ (b : Bar) : a = a := rfl
theorem mem (h : ∀ x ∈ s, p x) : q := by
  choose g hg using h
  exact hg
def pred : Nat → Nat
  | Nat.succ n => n
  | Nat.zero => zero
def pred' : Nat → Nat
  | .succ k => k
  | _ => 0
def viaMatch (m : Nat) : Nat :=
  match m with
  | Nat.succ j => j
  | 0 => 0
"""


@pytest.mark.parametrize("native", SCANNERS)
def test_binder_forms(native: bool) -> None:
    """Strict-implicit groups keep their type; `∈` ends the bound names; `choose … using`
    binds; a pattern in the first equation of a definition binds like any match arm."""
    fs = scan_text(BINDERS, "B.lean", "B", native=native)
    got = {d.name: (sorted(d.hyp), sorted(d.concl), sorted(d.proof)) for d in fs.decls}
    assert got == {
        "strict": (["Foo"], [], []),
        "strict_u": (["Bar", "Foo"], [], []),
        "mem": (["p", "s"], ["q"], []),  # `s` is a global: only `x` is bound
        "pred": (["Nat"], [], ["Nat.succ", "Nat.zero", "zero"]),  # `n` is bound
        "pred'": (["Nat"], [], []),
        "viaMatch": (["Nat"], [], ["Nat.succ"]),
    }


DEFAULTS = """\
theorem dflt (n : Foo := Zero) (m : List Nat := []) : n = n := rfl
theorem body : True := by
  let x : Baz := Zero
  have : a = Qux := rfl
  set y := 3 with hy
  exact (f (k := x) y)
"""


@pytest.mark.parametrize("native", SCANNERS)
def test_a_type_before_a_default_value_stays_a_reference(native: bool) -> None:
    """``(n : Foo := Zero)`` is an optional parameter of type ``Foo``: ``Foo`` is a
    hypothesis, not a name the ``:=`` binds (as ``x`` is in ``let x := v`` or a named
    argument ``(k := x)``); the same for ``let x : Baz := v`` and ``have : a = Qux := p``."""
    fs = scan_text(DEFAULTS, "D.lean", "D", native=native)
    got = {d.name: (sorted(d.hyp), sorted(d.proof)) for d in fs.decls}
    assert got == {
        "dflt": (["Foo", "List", "Nat", "Zero"], []),  # `rfl` is core: never a reference
        "body": ([], ["Baz", "Qux", "Zero", "a", "f"]),  # not x, y, hy, k
    }


@pytest.mark.parametrize("native", SCANNERS)
def test_superscript_digits_are_no_part_of_a_name(native: bool) -> None:
    """In Lean ``x⁻¹`` and ``a²`` are a name and a notation: Python's ``\\w`` counts
    ``¹`` and ``²`` as word characters, which made ``¹`` a reference and ``a²`` a name
    other than the bound ``a``. Subscripts stay part of a name (``b₁``)."""
    text = "theorem sq (a : K) : a⁻¹ = a² + b₁ * c³ := rfl\n"
    (d,) = scan_text(text, "S.lean", "S", native=native).decls
    assert (sorted(d.hyp), sorted(d.concl)) == (["K"], ["b₁", "c"])


@pytest.mark.parametrize("native", SCANNERS)
def test_anonymous_constructor_in_a_header_binds_nothing(native: bool) -> None:
    """``⟨…⟩`` at the top of a header is a term, not a binder group: ``Foo`` stays a
    reference (in the conclusion), while ``(x : Nat)`` beside it binds ``x``."""
    text = "theorem anon (x : Nat) ⟨Foo, x⟩ : P Foo x := rfl\n"
    (d,) = scan_text(text, "A.lean", "A", native=native).decls
    assert (sorted(d.hyp), sorted(d.concl)) == (["Nat"], ["Foo", "P"])


@pytest.mark.parametrize("native", SCANNERS)
def test_renamed_and_equation_lemma_references_resolve(native: bool, tmp_path: Path) -> None:
    """``open A renaming f → ff`` makes ``ff`` name ``A.f`` (a name no declaration ends
    in), and ``A.f.eq_1``, an equation lemma Lean generates, stands for ``A.f``."""
    from .conftest import session_of

    (tmp_path / "A").mkdir()
    (tmp_path / "A" / "Defs.lean").write_text(
        "namespace A\ndef f (n : Nat) : Nat := n\nend A\n", encoding="utf-8"
    )
    (tmp_path / "A" / "Renamed.lean").write_text(
        "import A.Defs\nopen A renaming f → ff\ntheorem t3 : ff 1 = 1 := rfl\n",
        encoding="utf-8",
    )
    (tmp_path / "A" / "Eqn.lean").write_text(
        "import A.Defs\ntheorem t5 : A.f.eq_1 = A.f.eq_1 := rfl\n", encoding="utf-8"
    )
    g = session_of(tmp_path, native).graph
    assert sorted(g.successors("t3")) == ["A.f"]
    assert sorted(g.successors("t5")) == ["A.f"]
    assert g.edges["t3", "A.f"]["position"] == "conclusion"
