"""`axiomdl new PATH`: a researcher's project that proves against AxiomDL (issue 15).

Each test runs the command as a user would, then reads the project back with axiomdl
itself (through the bundled library, which stands in for Lake's checkout), with the Lake
configuration reader, and with a YAML parser for the workflow.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from axiomdl.bundled import bundled_root
from axiomdl.scan.lake import load_lake_config

PLACEHOLDER = "https://github.com/REPLACE-ME/axiomdl.git"


def test_new_then_rests_on_shows_the_requires_set(tmp_path: Path, run_cli) -> None:
    proj = tmp_path / "my-proofs"
    made = run_cli("new", str(proj))
    assert made.returncode == 0, made.stderr
    assert f"created {proj}: library MyProofs" in made.stdout
    assert sorted(str(p.relative_to(proj)) for p in proj.rglob("*") if p.is_file()) == [
        ".github/workflows/axiomdl.yml",
        ".gitignore",
        "MyProofs.lean",
        "MyProofs/Basic.lean",
        "README.md",
        "axiomdl.toml",
        "lakefile.toml",
        "lean-toolchain",
    ]
    proc = run_cli("rests-on", "-C", str(proj), "MyProofs.gd_two_steps")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout == (
        "MyProofs.gd_two_steps (theorem, static mode)\n"
        "  requires:    AxiomDL.InnerProductSpace (established), AxiomDL.PolyakLojasiewicz "
        "(plausible), AxiomDL.Smooth (refuted-in-regime)\n"
        "  establishes: nothing\n"
        "  uses:        AxiomDL.InnerProductSpace, AxiomDL.PolyakLojasiewicz, AxiomDL.Smooth\n"
        "  rests on 1 established, 1 plausible and 1 refuted-in-regime assumption\n"
        "  witnessed:   jointly by MyProofs.gd_two_steps_witness\n"
    )
    # the example's call matches the library theorem it instantiates, argument for argument
    lib = (bundled_root() / "lean/AxiomDL/Landscape/Convergence.lean").read_text("utf-8")
    assert (
        "theorem gd_linear_convergence (E : InnerProductSpace K V) (f : V → K) (g : V → V)\n"
        "    {L η μ fstar : K} (hS : Smooth E f g L) (hPL : PolyakLojasiewicz E f g μ fstar)\n"
        "    (hμ : 0 < μ) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (hμη : μ * η ≤ 1) (x0 : V) (t : Nat) :"
    ) in lib
    basic = (proj / "MyProofs/Basic.lean").read_text(encoding="utf-8")
    assert "  gd_linear_convergence E f g hS hPL hμ hη hLη hμη x0 2\n" in basic
    for cmd in (("audit", str(proj)), ("lint", str(proj))):
        checked = run_cli(*cmd)
        assert checked.returncode == 0 and checked.stderr == "", (cmd, checked.stdout)
    report = json.loads(run_cli("report", str(proj), "-f", "json").stdout)
    assert [t["name"] for t in report["theorems"]] == [
        "MyProofs.gd_two_steps",
        "MyProofs.gd_two_steps_witness",
    ]
    assert [(d["name"], d["kind"]) for d in report["dependencies"]] == [("axiomdl", "bundled")]
    # the minimal basis is of what the listed results require, not the library's theorems
    basis = report["basis"]
    assert basis["required"] == [
        "AxiomDL.InnerProductSpace",
        "AxiomDL.PolyakLojasiewicz",
        "AxiomDL.Smooth",
    ]
    assert [m["name"] for m in basis["members"]] == ["AxiomDL.PolyakLojasiewicz", "AxiomDL.Smooth"]
    full = json.loads(run_cli("report", str(proj), "-f", "json", "--include-deps").stdout)
    assert len(full["basis"]["required"]) > 3


def test_the_project_is_a_lake_project_pinned_like_axiomdl(tmp_path: Path, run_cli) -> None:
    proj = tmp_path / "p"
    assert run_cli("new", str(proj)).returncode == 0
    cfg = load_lake_config(proj)
    assert cfg is not None and cfg.package == "p"
    assert [lib.name for lib in cfg.libraries] == ["P"]
    (req,) = cfg.requires
    assert (req.name, req.git, req.rev) == ("axiomdl", PLACEHOLDER, "main")
    assert (proj / "lean-toolchain").read_text() == (bundled_root() / "lean-toolchain").read_text()
    readme = (proj / "README.md").read_text(encoding="utf-8")
    assert "AxiomDL has no public URL yet" in readme and PLACEHOLDER in readme

    other = tmp_path / "q"
    url, rev = "https://git.example.org/ml/axiomdl.git", "v0.4.0"
    made = run_cli(
        "new",
        str(other),
        "--lakefile",
        "lean",
        "--axiomdl-url",
        url,
        "--axiomdl-rev",
        rev,
        "--name",
        "Sharp",
    )
    assert made.returncode == 0, made.stderr
    assert "REPLACE-ME" not in made.stdout
    cfg = load_lake_config(other)
    assert cfg is not None and cfg.file == "lakefile.lean" and cfg.package == "q"
    assert [(lib.name, lib.default) for lib in cfg.libraries] == [("Sharp", True)]
    (req,) = cfg.requires
    assert (req.name, req.git, req.rev) == ("axiomdl", url, rev)
    assert "REPLACE-ME" not in "".join(
        p.read_text(encoding="utf-8") for p in other.rglob("*") if p.is_file()
    )
    rests = run_cli("rests-on", "-C", str(other), "Sharp.gd_two_steps")
    assert "requires:    AxiomDL.InnerProductSpace (established)" in rests.stdout


def test_the_workflow_builds_then_audits_and_diffs(tmp_path: Path, run_cli) -> None:
    proj = tmp_path / "w"
    url = "https://git.example.org/ml/axiomdl.git"
    run_cli("new", str(proj), "--axiomdl-url", url)
    flow = yaml.safe_load((proj / ".github/workflows/axiomdl.yml").read_text(encoding="utf-8"))
    job = flow["jobs"]["lean"]
    assert job["defaults"]["run"]["shell"] == "bash"  # -eo pipefail: `| tee` keeps exit 1
    runs = [step.get("run", "") for step in job["steps"]]
    order = [
        next(i for i, r in enumerate(runs) if r.startswith(cmd))
        for cmd in ("lake build", f'pip install "axiomdl @ git+{url}@main"', "axiomdl audit .")
    ]
    assert order == sorted(order)
    diff = next(s for s in job["steps"] if "axiomdl diff" in s.get("run", ""))
    assert diff["if"] == "github.event_name == 'pull_request'"
    assert diff["run"].startswith('axiomdl diff "origin/${{ github.base_ref }}" -C .')
    assert job["steps"][0]["with"]["fetch-depth"] == 0


def test_diff_on_the_scaffold_sees_a_new_assumption(tmp_path: Path, run_cli) -> None:
    proj = tmp_path / "d"
    run_cli("new", str(proj))

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=proj,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "scaffold")
    basic = proj / "D/Basic.lean"
    text = basic.read_text(encoding="utf-8")
    basic.write_text(
        text.replace(
            "(hμη : μ * η ≤ 1) (x0 : V) :", "(hμη : μ * η ≤ 1) (hI : Interpolation f) (x0 : V) :"
        ),
        encoding="utf-8",
    )
    proc = run_cli("diff", "HEAD", "-C", str(proj))
    assert proc.returncode == 1, proc.stderr
    assert "D.gd_two_steps: +AxiomDL.Interpolation" in proc.stdout


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("full", (), "is not empty; `axiomdl new` writes into a new or empty folder"),
        ("file", (), "exists and is not a folder"),
        ("none", ("--name", "lower"), "`lower` is not a library name"),
        ("none", ("--axiomdl-url", 'https://x/"a'), '--axiomdl-url `https://x/"a` must be one'),
    ],
)
def test_bad_input_is_exit_2_and_writes_nothing(
    tmp_path: Path, run_cli, setup: str, args: tuple[str, ...], message: str
) -> None:
    target = tmp_path / "proj"
    if setup == "full":
        target.mkdir()
        (target / "notes.txt").write_text("mine\n")
    elif setup == "file":
        target.write_text("a file\n")
    before = sorted(tmp_path.rglob("*"))
    proc = run_cli("new", str(target), *args)
    assert proc.returncode == 2 and proc.stdout == ""
    (err,) = proc.stderr.splitlines()
    assert err.startswith("axiomdl: ") and message in err, err
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, no temp folder left


def test_an_empty_folder_is_filled(tmp_path: Path, run_cli) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    assert run_cli("new", str(target)).returncode == 0
    assert (target / "Empty/Basic.lean").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
