"""The assumption lattice on real Lean fixtures: separations, implications, open pairs,
the minimal basis, lint's checks and the `axiomdl lattice` command (text, JSON, md, DOT).

Every expected value below was derived by hand from the fixture's statements (the
fixture files say what each declaration is for)."""

from __future__ import annotations

import json

import pytest

from axiomdl import SCHEMA_VERSION
from axiomdl.lattice.basis import minimal_basis
from axiomdl.lattice.build import compute, lattice_result
from axiomdl.lattice.formula import parse
from axiomdl.lattice.lint import project_lattice
from axiomdl.lint import run_lint
from axiomdl.scan.parse import native_available
from axiomdl.scan.project import scan_project
from axiomdl.session import load

from .conftest import FIXTURES, assert_schema, cli_json

LAT = FIXTURES / "lattice"
CHAIN, BASIS, BAD, EMPTY = LAT / "chain", LAT / "basis", LAT / "bad", LAT / "empty"


def _imp(a: str, b: str, via: list[str]) -> dict:
    return {
        "premise": a,
        "conclusion": b,
        "via": via,
        "chain": len(via) > 1,
        "presupposed": False,
    }


def _node(name: str, area: str, status: str) -> dict:
    return {"name": name, "role": "assumption", "area": area, "status": status, "presupposes": []}


def _sep(a: str, b: str, by: str, derived: bool, via: list[str]) -> dict:
    return {"premise": a, "conclusion": b, "separation": by, "derived": derived, "via": via}


# -- reading propositions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        # `∧` binds tighter than `→`: this is ¬ (A ∧ B), not A ∧ ¬ B
        ("A m ∧ B m → False", "not(and(A,B))"),
        ("A m ∧ (B m → False)", "and(A,not(B))"),
        # `¬` takes an argument at precedence 40, above `∧` (35)
        ("¬ A m ∧ B m", "and(not(A),B)"),
        ("A ∨ ¬ B", "other"),
        ("A ↔ B", "other"),
        ("∃ f g : Rat → Rat, P f ∧ ¬ Q g", "exists(and(P,not(Q)))"),
        ("A x ∧ ∃ y, B y → C y", "and(A,exists(imp(B,C)))"),
        ("Not (B m)", "not(B)"),
        ("@PL K V E f g 1 0", "PL"),
        ("0 < μ", "-"),
        ("f x = 0", "-"),
        ("Smooth E f g 1/2", "-"),
    ],
)
def test_formula_reads_the_top_level_with_lean_precedence(text: str, shape: str) -> None:
    def show(p) -> str:
        if p.op == "atom":
            return p.head or "-"
        if p.op == "other":
            return "other"
        return f"{p.op}({','.join(show(q) for q in p.parts)})"

    assert show(parse(text)) == shape


# -- the new role in both scanners --------------------------------------------------


@pytest.mark.parametrize("native", [False, True])
def test_separation_role_in_both_scanners(native: bool) -> None:
    if native and not native_available():
        pytest.skip("the C scanner core is not built")
    p = scan_project(CHAIN, use_cache=False, native=native)
    roles = {n: d.role for n, d in p.decls.items()}
    # b_not_a's docstring has no header word but `Separation:` itself
    assert roles["Chain.b_not_a"] == roles["Chain.d_not_c"] == "separation"
    assert roles["Chain.b_of_a"] == "discharge" and roles["Chain.A"] == "assumption"


# -- axiomdl lattice ----------------------------------------------------------------


def test_lattice_json_on_the_chain_fixture(run_cli) -> None:
    """A ⇒ B ⇒ C, C ∧ E ⇒ D, B ⇏ A and D ⇏ C; the rest derived by hand."""
    proc = run_cli("lattice", "-C", str(CHAIN), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    rel = "Chain/Relations.lean"
    want = {
        "schema_version": SCHEMA_VERSION,
        "mode": "static",
        "project": str(CHAIN),
        "assumptions": [
            _node("Chain.A", "landscape", "plausible"),
            _node("Chain.B", "landscape", "plausible"),
            _node("Chain.C", "landscape", "established"),
            _node("Chain.D", "landscape", "contested"),
            _node("Chain.E", "generalization", "plausible"),
        ],
        "implications": [
            _imp("Chain.A", "Chain.B", ["Chain.b_of_a"]),
            _imp("Chain.A", "Chain.C", ["Chain.b_of_a", "Chain.c_of_b"]),
            _imp("Chain.B", "Chain.C", ["Chain.c_of_b"]),
        ],
        "joint": [
            {
                "premises": ["Chain.C", "Chain.E"],
                "conclusion": "Chain.D",
                "by": "Chain.d_of_c_of_e",
            }
        ],
        "separations": [
            {
                "name": "Chain.b_not_a",
                "holds": ["Chain.B"],
                "fails": ["Chain.A"],
                "requires": [],
                "file": rel,
                "line": 32,
            },
            {
                "name": "Chain.d_not_c",
                "holds": ["Chain.D"],
                "fails": ["Chain.C"],
                "requires": [],
                "file": rel,
                "line": 37,
            },
        ],
        "non_implications": [
            _sep("Chain.B", "Chain.A", "Chain.b_not_a", False, []),
            # the model of b_not_a satisfies C too (B ⇒ C)
            _sep("Chain.C", "Chain.A", "Chain.b_not_a", True, ["Chain.c_of_b"]),
            # d_not_c refutes C, so it refutes A and B, which imply C
            _sep("Chain.D", "Chain.A", "Chain.d_not_c", True, ["Chain.b_of_a", "Chain.c_of_b"]),
            _sep("Chain.D", "Chain.B", "Chain.d_not_c", True, ["Chain.c_of_b"]),
            _sep("Chain.D", "Chain.C", "Chain.d_not_c", False, []),
        ],
        "open": [
            {"premise": "Chain.A", "conclusion": "Chain.D", "area": "landscape"},
            {"premise": "Chain.B", "conclusion": "Chain.D", "area": "landscape"},
            {"premise": "Chain.C", "conclusion": "Chain.B", "area": "landscape"},
            {"premise": "Chain.C", "conclusion": "Chain.D", "area": "landscape"},
        ],
        "open_total": 4,
        "cross_area_undecided": 8,  # E against A..D, both ways
        "conflicts": [],
        "notes": [
            {
                "name": "Chain.a_of_square",
                "role": "discharge",
                "reason": "requires no assumption: it shows a model, not an implication",
                "code": None,
                "file": rel,
                "line": 21,
            },
            {
                "name": "Chain.b_or_c_of_a",
                "role": "discharge",
                "reason": "conclusion part `B f ∨ C f` not read",
                "code": None,
                "file": rel,
                "line": 25,
            },
        ],
    }
    assert got == want
    assert_schema("lattice", got)  # the committed docs/schema file, not the model


def test_lattice_text_md_and_dot(run_cli, tmp_path) -> None:
    text = run_cli("lattice", "-C", str(CHAIN)).stdout
    assert "  Chain.A ⇒ Chain.C  Chain.b_of_a → Chain.c_of_b" in text
    assert "  Chain.C ∧ Chain.E ⇒ Chain.D  Chain.d_of_c_of_e" in text
    assert "  Chain.D ⇏ Chain.A  from Chain.d_not_c via Chain.b_of_a → Chain.c_of_b" in text
    # the landscape matrix, row by row: ⇒ proved, ⇏ separated, ? open
    assert "     1 Chain.A  ·  ⇒  ⇒  ?\n" in text
    assert "     2 Chain.B  ⇏  ·  ⇒  ?\n" in text
    assert "     3 Chain.C  ⇏  ?  ·  ?\n" in text
    assert "     4 Chain.D  ⇏  ⇏  ⇏  ·\n" in text
    md = run_cli("lattice", "-C", str(CHAIN), "-f", "md").stdout
    assert "| `Chain.A` | `Chain.C` | `Chain.b_of_a` → `Chain.c_of_b` |" in md
    assert "| 4 `Chain.D` | ⇏ | ⇏ | ⇏ | · |" in md
    out = tmp_path / "lattice.dot"
    proc = run_cli("lattice", "-C", str(CHAIN), "-f", "dot", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == ""
    dot = out.read_text()
    assert dot.startswith("digraph lattice {") and dot.endswith("}\n")
    edges = [ln.strip() for ln in dot.splitlines() if "->" in ln]
    assert edges == [
        '"Chain.C" -> and0 [arrowhead=none];',
        '"Chain.E" -> and0 [arrowhead=none];',
        'and0 -> "Chain.D" [tooltip="Chain.d_of_c_of_e"];',
        '"Chain.A" -> "Chain.B" [tooltip="Chain.b_of_a"];',
        '"Chain.B" -> "Chain.C" [tooltip="Chain.c_of_b"];',
        '"Chain.B" -> "Chain.A" [style=dashed, color="#C0392B", arrowhead=tee, '
        'tooltip="not implied: Chain.b_not_a"];',
        '"Chain.D" -> "Chain.C" [style=dashed, color="#C0392B", arrowhead=tee, '
        'tooltip="not implied: Chain.d_not_c"];',
    ]


def test_separation_forms_and_presupposed_parameters() -> None:
    """`¬ ∃ μ, 0 < μ ∧ PL …`, `∀ m, 0 < m → ¬ SC …` and a nested conjunction are read; a
    discharge from the space alone is a construction; parameters are implied."""
    s = load(BASIS, use_cache=False, quiet=True)
    r = lattice_result(s, "basis", project_lattice(s))
    seps = {x.name: (x.holds, x.fails) for x in r.separations}
    assert seps == {
        "Bas.pl_not_cvx": (["Bas.PL"], ["Bas.Cvx"]),
        "Bas.smooth_cvx_not_pl": (["Bas.Cvx", "Bas.Smooth"], ["Bas.PL"]),
        "Bas.eb_lin_not_sc": (["Bas.EB", "Bas.Lin"], ["Bas.SC"]),
    }
    assert all(n.presupposes == ["Bas.Space"] for n in r.assumptions if n.name != "Bas.Space")
    pre = {(i.premise, i.conclusion) for i in r.implications if i.presupposed}
    assert ("Bas.SC", "Bas.Space") in pre and len(pre) == 7
    assert [(n.name, n.code) for n in r.notes] == [("Bas.pl_of_square", None)]
    assert "a construction, not an implication" in r.notes[0].reason
    # the joint discharge is kept; EB alone implies nothing but the space
    assert [(j.premises, j.conclusion) for j in r.joint] == [(["Bas.EB", "Bas.Smooth"], "Bas.PL")]
    # derived through the joint discharge: the model of smooth_cvx_not_pl is smooth, so it
    # refutes EB as well as PL (EB ∧ Smooth ⇒ PL)
    x = next(x for x in r.non_implications if (x.premise, x.conclusion) == ("Bas.Cvx", "Bas.EB"))
    assert (
        x.derived and x.separation == "Bas.smooth_cvx_not_pl" and x.via == ["Bas.pl_of_eb_smooth"]
    )


def test_report_minimal_basis_derived_by_hand(run_cli) -> None:
    """Required: Space, SC, Cvx, PL, EB, Smooth, Star, Lin. SC and EB follow from nothing
    else, so they are in every basis; they give Cvx, Star, PL and (as a parameter) Space.
    Lin and Smooth imply each other: one of them completes the basis, either will do."""
    proc = run_cli("report", "-C", str(BASIS), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    basis = json.loads(proc.stdout)["basis"]
    landscape = "landscape"
    assert basis == {
        "required": [
            "Bas.Cvx",
            "Bas.EB",
            "Bas.Lin",
            "Bas.PL",
            "Bas.SC",
            "Bas.Smooth",
            "Bas.Space",
            "Bas.Star",
        ],
        "members": [
            {
                "name": "Bas.EB",
                "area": landscape,
                "independence": "not-shown",
                "by": [],
                # smooth_cvx_not_pl's model is smooth (so it satisfies Lin) and refutes EB
                "not_implied_by": ["Bas.Lin"],
                "undecided": ["Bas.SC"],
                "undecided_count": 1,
            },
            {
                "name": "Bas.Lin",
                "area": landscape,
                "independence": "not-shown",
                "by": [],
                "not_implied_by": [],
                "undecided": ["Bas.EB", "Bas.SC"],
                "undecided_count": 2,
            },
            {
                "name": "Bas.SC",
                "area": landscape,
                # one model satisfies EB and Lin and refutes SC
                "independence": "proved",
                "by": ["Bas.eb_lin_not_sc"],
                "not_implied_by": ["Bas.EB", "Bas.Lin"],
                "undecided": [],
                "undecided_count": 0,
            },
        ],
        "derived": [
            {
                "name": "Bas.Cvx",
                "members": ["Bas.SC"],
                "via": ["Bas.cvx_of_sc"],
                "presupposed": False,
            },
            {
                "name": "Bas.PL",
                "members": ["Bas.SC"],
                "via": ["Bas.pl_of_sc"],
                "presupposed": False,
            },
            {
                "name": "Bas.Smooth",
                "members": ["Bas.Lin"],
                "via": ["Bas.smooth_of_lin"],
                "presupposed": False,
            },
            {"name": "Bas.Space", "members": ["Bas.EB"], "via": [], "presupposed": True},
            {
                "name": "Bas.Star",
                "members": ["Bas.SC"],
                "via": ["Bas.cvx_of_sc", "Bas.star_of_cvx"],
                "presupposed": False,
            },
        ],
        "exact": True,
        "lower_bound": 3,
        "choices": [[["Bas.Lin"], ["Bas.Smooth"]]],
    }
    text = run_cli("report", "-C", str(BASIS)).stdout
    assert "Minimal basis: 3 of the 8 assumptions the theorems require (exact minimum)" in text
    assert "  ⇐ Bas.Star: from Bas.SC via Bas.cvx_of_sc → Bas.star_of_cvx" in text
    assert "  equally small: Bas.Lin | Bas.Smooth" in text
    md = run_cli("report", "-C", str(BASIS), "-f", "md").stdout
    assert "| `Bas.SC` | landscape | proved by Bas.eb_lin_not_sc |" in md


def test_basis_search_over_budget_is_labelled_an_upper_bound() -> None:
    s = load(BASIS, use_cache=False, quiet=True)
    data = compute(s)
    b = minimal_basis(s, data, budget=0)
    assert not b.exact and b.lower_bound == 3  # two forced members; the rest needs at least one
    members = {m.name for m in b.members}
    assert set(b.required) <= set(data.horn.close(members))


# -- bad input ----------------------------------------------------------------------


def test_lint_reports_malformed_unknown_and_inconsistent_separations() -> None:
    s = load(BAD, use_cache=False, quiet=True)
    result = run_lint(s, BAD / "core-names.txt")
    mine = [
        (f.code, f.file, f.line, f.declaration)
        for f in result.findings
        if f.code in ("separation-shape", "unknown-assumption", "separation-conflict")
    ]
    assert mine == [
        ("separation-conflict", "Bad/Conflict.lean", 9, "Bad.a_not_c"),
        ("separation-shape", "Bad/Malformed.lean", 8, "Bad.not_both"),
        ("separation-shape", "Bad/Malformed.lean", 13, "Bad.a_or_not_b"),
        ("separation-shape", "Bad/Malformed.lean", 17, "Bad.a_and_b"),
        ("separation-shape", "Bad/Malformed.lean", 21, "Bad.c_not_a_and_b"),
        ("separation-shape", "Bad/Malformed.lean", 29, "Bad.both_not_a"),
        ("separation-shape", "Bad/Malformed.lean", 34, "Bad.c_not_a_if_b"),
        ("unknown-assumption", "Bad/Unknown.lean", 8, "Bad.c_not_bogus"),
        ("unknown-assumption", "Bad/Unknown.lean", 12, "Bad.nonexistent_of_a"),
        ("unknown-assumption", "Bad/Unknown.lean", 15, "Bad.a_of_c"),
    ]
    others = {f.code for f in result.findings} - {c for c, *_ in mine}
    assert others == {"unknown-name"}  # the generic rule sees the three unknown names too
    msg = {f.declaration: f.message for f in result.findings if f.code != "unknown-name"}
    # the conflict names the separation and the implication it contradicts
    assert "`Bad.a_not_c` shows `Bad.A` ⇏ `Bad.C`" in msg["Bad.a_not_c"]
    assert "proved by `Bad.b_of_a` → `Bad.c_of_b`" in msg["Bad.a_not_c"]
    assert "`A (fun _ => 2) ∧ B (fun _ => 2) → False` is not a conjunction" in msg["Bad.not_both"]
    assert "no conjunct negates an assumption" in msg["Bad.a_and_b"]
    assert "does not negate exactly one assumption" in msg["Bad.c_not_a_and_b"]
    assert "`Both f` asserts a definition that bundles assumptions" in msg["Bad.both_not_a"]
    assert "only under the hypothesis `Bad.B`" in msg["Bad.c_not_a_if_b"]
    assert "names `Bogus`" in msg["Bad.c_not_bogus"]
    assert "names `Nonexistent`" in msg["Bad.nonexistent_of_a"]
    assert "a premise names `Strnog`" in msg["Bad.a_of_c"]


def test_lattice_never_reads_a_misspelt_premise_as_a_weaker_one(run_cli) -> None:
    """`a_of_c (hS : Strnog f) (h : C f) : A f`: read without its unknown premise it would
    claim C ⇒ A. The lattice leaves it out, reports the conflict and exits 1."""
    proc = run_cli("lattice", "-C", str(BAD), "-f", "json")
    assert proc.returncode == 1
    r = json.loads(proc.stdout)
    assert [(i["premise"], i["conclusion"]) for i in r["implications"]] == [
        ("Bad.A", "Bad.B"),
        ("Bad.A", "Bad.C"),
        ("Bad.B", "Bad.C"),
    ]
    assert r["separations"] == [] and r["non_implications"] == []
    assert r["conflicts"] == [
        {
            "separation": "Bad.a_not_c",
            "holds": ["Bad.A"],
            "fails": "Bad.C",
            "via": ["Bad.b_of_a", "Bad.c_of_b"],
            "file": "Bad/Conflict.lean",
            "line": 9,
        }
    ]
    text = run_cli("lattice", "-C", str(BAD)).stdout
    assert "1 CONFLICT" in text.splitlines()[1]


def test_lattice_on_a_project_without_assumptions(run_cli, tmp_path) -> None:
    out = tmp_path / "out.json"
    proc = run_cli("lattice", "-C", str(EMPTY), "-f", "json", "-o", str(out))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (
        f"axiomdl: {EMPTY}: error: no assumptions in this project: the lattice relates "
        "assumptions (mark one with a docstring starting `Assumption:`, or list them in "
        "axiomdl.toml)\n"
    )
    assert not out.exists()
    missing = run_cli("lattice", "-C", str(CHAIN), "--core-names", str(tmp_path / "no.txt"))
    assert missing.returncode == 2 and "no such allowlist file" in missing.stderr


# -- the bundled library ------------------------------------------------------------


def test_lattice_on_the_bundled_library(run_cli) -> None:
    proc = run_cli("lattice", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    pairs = {(i["premise"], i["conclusion"]): i for i in r["implications"]}
    assert pairs[("AxiomDL.StrongConvex", "AxiomDL.Convex")]["via"] == [
        "AxiomDL.convex_of_strongConvex"
    ]
    assert pairs[("AxiomDL.StrongConvex", "AxiomDL.StarConvex")]["chain"]
    # the space is a parameter of every landscape condition, never a premise that implies one
    assert pairs[("AxiomDL.Convex", "AxiomDL.InnerProductSpace")]["presupposed"]
    assert not any(
        a == "AxiomDL.InnerProductSpace" and not i["presupposed"] for (a, _b), i in pairs.items()
    )
    # gradient descent from zero is a construction of MinNormBias, not an implication
    constructions = {n["name"] for n in r["notes"] if "construction" in n["reason"]}
    assert "AxiomDL.Generalization.minNormBias_of_gdIter" in constructions
    assert r["conflicts"] == [] and not any(n["code"] for n in r["notes"])
    # every separation the library states is read, and is consistent with its discharges
    s = load(None, quiet=True)
    roles = [n for n, d in s.project.decls.items() if d.role == "separation"]
    assert sorted(x["name"] for x in r["separations"]) == sorted(roles)


def test_rests_on_and_report_split_a_separation(run_cli) -> None:
    """A separation's conclusion names both sides; it establishes A and refutes B."""
    proc = run_cli("rests-on", "b_not_a", "-C", str(CHAIN), "-f", "json")
    r = json.loads(proc.stdout)
    assert (r["role"], r["establishes"], r["refutes"]) == ("separation", ["Chain.B"], ["Chain.A"])
    text = run_cli("rests-on", "b_not_a", "-C", str(CHAIN)).stdout
    assert "  establishes: Chain.B\n  refutes:     Chain.A\n" in text
    report = json.loads(run_cli("report", "-C", str(CHAIN), "-f", "json").stdout)
    assert report["counts"]["separations"] == 2
    row = next(t for t in report["theorems"] if t["name"] == "Chain.d_not_c")
    assert (row["establishes"], row["refutes"]) == (["Chain.D"], ["Chain.C"])
    # an unreadable separation keeps what its conclusion names, as any result does
    bad = json.loads(run_cli("rests-on", "a_and_b", "-C", str(BAD), "-f", "json").stdout)
    assert (bad["establishes"], bad["refutes"]) == (["Bad.A", "Bad.B"], [])


def test_a_family_of_spaces_is_presupposed_not_a_premise() -> None:
    # `(EF : (n : Nat) → InnerProductSpace K (F n))` in MeanFieldScaling: every model comes with
    # a space per width, so the space is presupposed, and the discharge to FeatureLearning is a
    # plain implication, not a joint one with the space as a second premise.
    lat = cli_json("lattice")
    pre = {n["name"]: n["presupposes"] for n in lat["assumptions"]}
    assert pre["AxiomDL.Expressivity.MeanFieldScaling"] == ["AxiomDL.InnerProductSpace"]
    assert not [j for j in lat["joint"] if "AxiomDL.InnerProductSpace" in j["premises"]]
    assert any(
        i["premise"] == "AxiomDL.Expressivity.MeanFieldScaling"
        and i["conclusion"] == "AxiomDL.Expressivity.FeatureLearning"
        for i in lat["implications"]
    )


def test_lattice_and_catalogue_do_not_depend_on_the_hash_seed(tmp_path) -> None:
    """Several derivations of one non-implication are equally good; the one reported must
    not change with Python's string-hash seed (it did: sets of names seeded the search)."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2", "3"):
        env = {k: v for k, v in os.environ.items() if k != "AXIOMDL_DEBUG"}
        env["PYTHONHASHSEED"] = seed
        lat = subprocess.run(
            [sys.executable, "-m", "axiomdl", "lattice", "-f", "json", "--no-cache"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        cat = tmp_path / f"axioms{seed}.md"
        subprocess.run(
            [sys.executable, "-m", "axiomdl", "docs", "-o", str(cat), "--no-cache"],
            capture_output=True,
            env=env,
            check=True,
        )
        outs.append((lat, cat.read_text(encoding="utf-8")))
    assert outs[0] == outs[1] == outs[2]


def _horn_cases():
    from hypothesis import strategies as st

    atoms = st.sampled_from([f"A{i}" for i in range(8)])
    clause = st.tuples(st.frozensets(atoms, min_size=1, max_size=3), atoms)
    return st.lists(clause, max_size=14), st.frozensets(atoms), st.frozensets(atoms)


def test_extending_a_closure_equals_closing_the_union() -> None:
    """``Horn.extend`` (forward chaining from the new facts on top of a closed base, used by
    the minimal basis search) reaches exactly the closure of base ∪ extra, and leaves the
    base's state as it was."""
    from hypothesis import given, settings

    from axiomdl.lattice.horn import Horn
    from axiomdl.lattice.read import Clause

    clauses_st, base_st, extra_st = _horn_cases()

    @settings(max_examples=300, deadline=None)
    @given(clauses_st, base_st, extra_st)
    def check(raw, base, extra) -> None:
        horn = Horn([Clause(p, c, f"d{i}") for i, (p, c) in enumerate(raw)])
        st = horn.state(set(base))
        before = (dict(st.how), dict(st.left))
        got = horn.extend(st, set(extra)) | st.how.keys()
        assert got == horn.close(set(base) | set(extra)).keys()
        assert (st.how, st.left) == before

    check()


def test_underivable_requirements_match_one_closure_each() -> None:
    """The shortcut (no clause concludes it / a clause derives it from the others outright)
    decides exactly what closing the other requirements decides."""
    from hypothesis import given, settings

    from axiomdl.lattice.basis import _underivable
    from axiomdl.lattice.horn import Horn
    from axiomdl.lattice.read import Clause

    clauses_st, req_st, _ = _horn_cases()

    class Data:
        def __init__(self, horn: Horn) -> None:
            self.horn = horn

    @settings(max_examples=300, deadline=None)
    @given(clauses_st, req_st)
    def check(raw, req) -> None:
        horn = Horn([Clause(p, c, f"d{i}") for i, (p, c) in enumerate(raw)])
        required = sorted(req)
        naive = {r for r in required if r not in horn.close(set(required) - {r})}
        assert _underivable(Data(horn), required) == naive  # type: ignore[arg-type]

    check()
