"""Output that scales: the text report's summary over 200 results, and progress on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ASSUMPTIONS = 6
RESULTS = 250


def _many_results(root: Path) -> Path:
    """A real Lean project: 6 assumptions and 250 theorems taking 0-3 of them."""
    lines = ["set_option autoImplicit false", "", "namespace Many", ""]
    for a in range(ASSUMPTIONS):
        lines += [
            f"/-- Assumption: property {a}.",
            "Area: landscape",
            "Status: plausible -/",
            f"structure A{a} (f : Nat → Nat) : Prop where",
            f"  bound : ∀ x, f x ≤ f x + {a}",
            "",
        ]
    for i in range(RESULTS):
        hyps = "".join(f" (h{k} : A{(i + k) % ASSUMPTIONS} f)" for k in range(i % 4))
        lines += [
            f"/-- Result {i}. -/",
            f"theorem thm{i} (f : Nat → Nat){hyps} (n : Nat) : f n ≤ f n + {i} :=",
            "  Nat.le_add_right _ _",
            "",
        ]
    lines.append("end Many")
    (root / "Many").mkdir(parents=True)
    (root / "Many" / "Basic.lean").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _requires_three(i: int) -> bool:
    return i % 4 == 3


def test_text_report_summarises_over_the_threshold(tmp_path: Path, run_cli) -> None:
    proj = _many_results(tmp_path / "many")
    summary = run_cli("report", str(proj))
    assert summary.returncode == 0, summary.stderr
    out = summary.stdout
    assert "the 50 of 250 with the largest requires sets" in out
    listed = {i for i in range(RESULTS) if f"Many.thm{i} " in out}
    assert len(listed) == 50
    assert all(_requires_three(i) for i in listed)  # 62 results require three; 50 are shown
    assert "200 more results not listed: `axiomdl report --all` lists every one" in out
    assert "Assumptions" in out and "Many.A0" in out
    assert "No findings" in out

    everything = run_cli("report", str(proj), "--all")
    assert everything.returncode == 0
    assert all(f"Many.thm{i} " in everything.stdout for i in range(RESULTS))
    assert "more results not listed" not in everything.stdout
    row = next(ln for ln in everything.stdout.splitlines() if ln.startswith("Many.thm7 "))
    assert row.split()[:2] == ["Many.thm7", "theorem"]
    assert "  Many.A1 (plausible), Many.A2 (plausible), Many.A3 (plausible)  " in row

    data = json.loads(run_cli("report", str(proj), "-f", "json").stdout)
    assert len(data["theorems"]) == RESULTS  # JSON and Markdown always carry every result
    md = run_cli("report", str(proj), "-f", "md").stdout
    assert sum(line.startswith("| `Many.thm") for line in md.splitlines()) == RESULTS


def test_small_reports_keep_the_full_rich_table(run_cli) -> None:
    proc = run_cli("report", "tests/fixtures/graph")
    assert "Results and what they require" in proc.stdout and "┏" in proc.stdout
    assert "more results not listed" not in proc.stdout


def _run_on_terminal(args: list[str], env: dict[str, str], out_file: Path) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal, stdout to a file: (code, stdout, stderr)."""
    master, slave = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k not in ("CI", "AXIOMDL_DEBUG")}
    full.update({"TERM": "xterm", "COLUMNS": "100", **env})
    with out_file.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "axiomdl", *args],
            stdout=out,
            stderr=slave,
            stdin=subprocess.DEVNULL,
            env=full,
        )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=600)
    os.close(master)
    return code, out_file.read_text(encoding="utf-8"), b"".join(chunks).decode(errors="replace")


@pytest.mark.parametrize(
    ("extra", "env", "shown"),
    [
        ([], {}, True),
        (["--quiet"], {}, False),
        ([], {"CI": "true"}, False),
        ([], {"TERM": "dumb"}, False),
    ],
)
def test_progress_only_on_a_terminal(
    extra: list[str], env: dict[str, str], shown: bool, tmp_path: Path, run_cli
) -> None:
    proj = _many_results(tmp_path / "many")
    args = ["report", str(proj), "-f", "json", "--cache-dir", str(tmp_path / "c"), *extra]
    code, out, err = _run_on_terminal(
        args, {"AXIOMDL_PROGRESS_DELAY": "0", **env}, tmp_path / "out.json"
    )
    assert code == 0
    assert ("scanning files" in err) is shown, err
    assert ("building the graph" in err) is shown
    # the JSON on stdout is untouched by the bar, and equal to a run without a terminal
    plain = run_cli("report", str(proj), "-f", "json", "--no-cache")
    assert out == plain.stdout and plain.stderr == ""
