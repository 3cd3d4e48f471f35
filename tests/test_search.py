"""Search ranking (``axiomdl.search``) on the bundled library, and ``axiomdl search``."""

from __future__ import annotations

import json

import pytest

from axiomdl.search import acronym, fold, index, rank, relevant
from axiomdl.session import load


@pytest.fixture(scope="module")
def entries():
    return index(load(None, quiet=True).project)


def names(hits, n=5):
    return [h.entry.name.rsplit(".", 1)[-1] for h in hits[:n]]


def test_acronyms_and_folding() -> None:
    assert acronym("PolyakLojasiewicz") == "PL"
    assert acronym("PLStarOn") == "PLSO"
    assert acronym("gd_linear_convergence") == "GLC"
    assert acronym("NTKRegime2") == "NTKR2"
    assert fold("Łojasiewicz") == "lojasiewicz" and fold("Hölder") == "holder"


def test_tiers_exact_then_acronym_then_prefix(entries) -> None:
    pl = rank(entries, "PL")
    assert names(pl, 3) == ["PolyakLojasiewicz", "PLStarOn", "PLStarAlongTrajectory"]
    assert [h.match for h in pl[:2]] == ["acronym", "prefix"]
    exact = rank(entries, "Smooth")
    assert exact[0].entry.name == "AxiomDL.Smooth" and exact[0].match == "exact"
    assert all(h.match != "exact" for h in exact[1:])
    # lower case: a prefix of names beats the acronym reading
    assert rank(entries, "pl")[0].match == "prefix"
    full = rank(entries, "AxiomDL.Generalization.Min")
    prefix = [h for h in full if h.entry.name.lower().startswith("axiomdl.generalization.min")]
    assert prefix and full[: len(prefix)] == prefix  # name matches rank above text matches
    assert all(h.match in ("exact", "prefix") for h in prefix)
    assert full[0].entry.name == "AxiomDL.Generalization.MinNormBias"


def test_substring_and_docstring_text(entries) -> None:
    hits = rank(entries, "lojasiewicz")
    assert hits[0].entry.name == "AxiomDL.PolyakLojasiewicz" and hits[0].match == "substring"
    text = rank(entries, "Karimi Nutini")  # authors named only in the Refs: line
    assert "PolyakLojasiewicz" in names(text, 10) and {h.match for h in text} == {"text"}
    # a name mentioned in a docstring is found by text, but a qualified name is a name query
    assert "gdIter_minNorm" in names(rank(entries, "minNormBias_gd_witness"), 10)
    qualified = rank(entries, "AxiomDL.Generalization.minNormBias_gd_witness")
    assert [h.match for h in qualified] == ["exact"]
    # Status words are a filter, not text: `plausible` finds nothing by text
    assert not [h for h in rank(entries, "plausible") if h.match == "text"]


def test_filters(entries) -> None:
    hits = rank(entries, "convergence", role="conjecture")
    assert hits and {h.entry.role for h in hits} == {"conjecture"}
    gen = rank(entries, "bias", area="generalization", status="refuted-in-regime")
    assert "MinNormBias" in names(gen)
    assert all(h.entry.area == "generalization" for h in gen)


def test_relevant_for_a_goal(entries) -> None:
    hyps = relevant(
        entries,
        "gradient descent converges linearly under PL and smoothness",
        roles=frozenset({"assumption"}),
        limit=3,
    )
    assert [e.short for e in hyps][:1] == ["PolyakLojasiewicz"]
    assert "Smooth" in [e.short for e in hyps]


def test_search_command(run_cli) -> None:
    out = run_cli("search", "PL", "-n", "2")
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0].split()
    assert first[:3] == ["AxiomDL.PolyakLojasiewicz", "assumption", "acronym"]
    assert out.stdout.rstrip().endswith("(showing 2)")
    js = json.loads(run_cli("search", "smooth", "--kind", "discharge", "-f", "json").stdout)
    assert js["hits"] and {h["role"] for h in js["hits"]} == {"discharge"}
    none = run_cli("search", "zzqqxx")
    assert none.returncode == 1 and "0 match(es)" in none.stdout
    bad = run_cli("search", "x", "--kind", "lemma")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
