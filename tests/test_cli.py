"""The CLI as users run it: subprocesses, output formats and exit codes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from axiomdl.report.schemas import all_payloads

from .conftest import FIXTURES, ROOT, assert_schema

TOY = str(FIXTURES / "graph")
DEMO = str(FIXTURES / "scanner")


def test_report_json_validates_against_schema(run_cli) -> None:
    proc = run_cli("report", TOY, "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert_schema("report", data)
    assert data["schema_version"] == "1.0"
    assert data["mode"] == "static"


def test_report_text_and_markdown(run_cli) -> None:
    text = run_cli("report", TOY)
    assert text.returncode == 0
    assert "Assumptions" in text.stdout and "Toy.PL" in text.stdout
    assert "Results and what they require" in text.stdout
    md = run_cli("report", TOY, "-f", "md")
    assert md.stdout.startswith("# axiomdl report")
    assert "| `Toy.rate` | theorem | `Toy.PL`, `Toy.Smooth` |" in md.stdout


def test_rests_on_why_impact_unused(run_cli) -> None:
    r = run_cli("rests-on", "rate_sc", "-C", TOY, "-f", "json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert_schema("rests-on", data)
    assert data["requires"] == ["Toy.Smooth", "Toy.StrongConvex"]
    w = run_cli("why", "rate_sc", "PL", "-C", TOY)
    assert w.returncode == 0
    assert w.stdout.splitlines() == [
        "Toy.rate_sc",
        "  —proof/value→ Toy.pl_of_strongConvex",
        "  —statement/conclusion→ Toy.PL",
    ]
    none = run_cli("why", "plain", "PL", "-C", TOY)
    assert none.returncode == 1
    i = run_cli("impact", "PL", "-C", TOY, "-f", "json")
    data = json.loads(i.stdout)
    assert_schema("impact", data)
    assert data["statement"] == ["Toy.good_rate", "Toy.rate"] and data["proof"] == ["Toy.rate_sc"]
    u = run_cli("unused", "-C", TOY)
    assert u.stdout.strip() == "Toy.Unused"


def test_unknown_assumption_suggests_only_assumptions(run_cli) -> None:
    """`why T A` / `impact A` with a misspelt A: only assumptions are offered, not witnesses."""
    w = run_cli("why", "gd_convex_rate", "Smoothness")
    assert w.returncode == 2
    assert w.stderr.strip() == (
        "axiomdl: error: unknown declaration `Smoothness`; did you mean `AxiomDL.Smooth`?"
    )
    i = run_cli("impact", "Interp")
    assert i.returncode == 2 and "`AxiomDL.Interpolation`" in i.stderr
    assert "example@" not in i.stderr and "gdIter" not in i.stderr
    # a theorem as the target still works: the restriction only shapes the suggestions
    assert run_cli("why", "gd_convex_rate", "descent_lemma").returncode == 0


def test_audit_exit_codes_and_github_format(run_cli) -> None:
    clean = run_cli("audit", TOY)
    assert clean.returncode == 0
    dirty = run_cli("audit", DEMO)
    assert dirty.returncode == 1
    assert "Demo/Batteries.lean" in dirty.stdout and "uses `sorry`" in dirty.stdout
    gh = run_cli("audit", DEMO, "-f", "github")
    assert any(
        # relative to the repository root, so GitHub attaches it to the PR's file
        line.startswith("::error file=tests/fixtures/scanner/Demo/Batteries.lean,line=")
        for line in gh.stdout.splitlines()
    )


def test_graph_formats(run_cli, tmp_path: Path) -> None:
    dot = run_cli("graph", TOY)
    assert dot.stdout.startswith("digraph axiomdl {")
    assert '"Toy.rate" -> "Toy.PL" [style=solid, label="hypothesis"];' in dot.stdout
    gml = tmp_path / "g.graphml"
    assert run_cli("graph", TOY, "-f", "graphml", "-o", str(gml)).returncode == 0
    import networkx as nx

    g = nx.read_graphml(gml)
    assert g.has_edge("Toy.rate", "Toy.PL")
    js = json.loads(run_cli("graph", TOY, "-f", "json").stdout)
    assert_schema("graph", js)
    assert {
        "source": "Toy.rate",
        "target": "Toy.PL",
        "label": "statement",
        "position": "hypothesis",
        "provenance": "static",
    } in js["edges"]


def test_default_report_is_the_bundled_library_from_any_directory(run_cli, tmp_path: Path) -> None:
    proc = run_cli("report", "-f", "json", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert data["project"] == "bundled AxiomDL library"
    assert data["counts"]["files"] > 0


def test_jobs_gives_the_same_result(run_cli) -> None:
    one = json.loads(run_cli("graph", DEMO, "-f", "json", "--no-cache").stdout)
    two = json.loads(run_cli("graph", DEMO, "-f", "json", "--no-cache", "--jobs", "2").stdout)
    assert one == two


def test_version_and_help(run_cli) -> None:
    assert run_cli("--version").stdout.startswith("axiomdl, version")
    h = run_cli("--help")
    for cmd in (
        "report",
        "rests-on",
        "why",
        "impact",
        "unused",
        "audit",
        "lint",
        "diff",
        "graph",
        "docs",
    ):
        assert cmd in h.stdout


def test_diff_between_git_revisions(run_cli, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    lean = repo / "lean"
    lean.mkdir(parents=True)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.com")
    git("config", "user.name", "t")
    src = (FIXTURES / "graph" / "Toy" / "Assumptions.lean").read_text()
    (lean / "Toy").mkdir()
    (lean / "Toy" / "Assumptions.lean").write_text(src)
    thm = (
        "import Toy.Assumptions\nset_option autoImplicit false\nnamespace Toy\n"
        "theorem t (f : Nat → Nat) (m : Nat) (h : PL f m) : f 0 = f 0 := rfl\nend Toy\n"
    )
    (lean / "Toy" / "T.lean").write_text(thm)
    git("add", "-A")
    git("commit", "-qm", "one")
    (lean / "Toy" / "T.lean").write_text(
        thm.replace("(h : PL f m)", "(h : PL f m) (s : Smooth f m)")
    )
    git("commit", "-qam", "two")
    grew = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo), "-f", "json")
    assert grew.returncode == 1, grew.stderr
    data = json.loads(grew.stdout)
    assert data["grew"] == [{"name": "Toy.t", "added": ["Toy.Smooth"], "removed": []}]
    assert run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo), "--allow-growth").returncode == 0
    shrank = run_cli("diff", "HEAD", "HEAD~1", "-C", str(repo))
    assert shrank.returncode == 0 and "shrank Toy.t" in shrank.stdout
    worktree = run_cli("diff", "HEAD", "-C", str(repo))
    assert worktree.returncode == 0 and "none" in worktree.stdout
    bad = run_cli("diff", "no-such-rev", "-C", str(repo))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_docs_catalogue_is_fresh(run_cli) -> None:
    proc = run_cli("docs", "--check")
    assert proc.returncode == 0, (
        "docs/axioms.md is stale: run `axiomdl docs` and commit it\n" + proc.stderr
    )


def test_docs_catalogue_holds_no_counts() -> None:
    """Counts go stale with every new theorem: the catalogue points to the commands instead."""
    import re

    text = (ROOT / "docs" / "axioms.md").read_text(encoding="utf-8")
    stale = re.findall(
        r"\b\d+ (?:assumptions|conjectures|theorems|discharges|witnesses|results)\b|"
        r"Required by \d+|used by \d+",
        text,
    )
    assert stale == []
    assert "axiomdl impact NAME" in text


def test_docs_catalogue_entry_by_hand(run_cli, tmp_path) -> None:
    """The freshness checks only compare the generator with itself: this entry was written
    by hand from ``fixtures/shapes`` (its docstring, line 20, and the discharge
    ``convex_of_sharp`` that establishes it)."""
    out = tmp_path / "axioms.md"
    proc = run_cli("docs", "-C", str(FIXTURES / "shapes"), "-o", str(out), "--no-cache")
    assert proc.returncode == 0, proc.stderr
    want = (
        "### `Shapes.Convex`\n\n"
        "*Assumption* · status **established** · `Shapes/Assumptions.lean:20`\n\n"
        "a strong-convexity stand-in.\n\n"
        "- **Evidence:** fixture\n"
        "- **Refs:** none\n"
        "- Established by: `Shapes.convex_of_sharp`\n\n"
        "```lean\n"
        "structure Convex (f : Nat → Nat) : Prop where lower : ∀ x, f x ≤ f x\n"
        "```\n"
    )
    text = out.read_text(encoding="utf-8")
    assert want in text
    assert text.index("## Landscape") < text.index(want)


def test_json_schemas_in_docs_are_fresh() -> None:
    payloads = all_payloads()
    assert {p.name.removesuffix(".schema.json") for p in (ROOT / "docs" / "schema").iterdir()} == (
        set(payloads)
    ), "docs/schema holds a file no command writes, or lacks one: run `axiomdl schema`"
    for name, model in payloads.items():
        path = ROOT / "docs" / "schema" / f"{name}.schema.json"
        assert path.is_file(), f"missing {path}: run `axiomdl schema`"
        assert json.loads(path.read_text()) == model.model_json_schema(), (
            f"{path} is stale: run `axiomdl schema`"
        )


def test_no_command_declares_an_option_twice() -> None:
    """A repeated option name (two `-q`) makes click warn on every run of the command."""
    import click

    from axiomdl.cli import cli

    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert "falsify" in names and "lint" in names
    for name in names:
        cmd = cli.get_command(ctx, name)
        seen: dict[str, str] = {}
        for param in cmd.params:
            for opt in [*param.opts, *param.secondary_opts]:
                assert opt not in seen, f"`axiomdl {name}`: {opt} for {param.name} and {seen[opt]}"
                seen[opt] = param.name
