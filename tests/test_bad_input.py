"""Bad input of every kind: one-line errors with file:line, documented exit codes, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

from axiomdl.scan.parse import scan_text
from axiomdl.scan.project import scan_project

GOOD = "set_option autoImplicit false\ntheorem good : 1 = 1 := rfl\n"


def _project(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content if isinstance(content, bytes) else content.encode())
    return tmp_path


def _no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr
    assert "Traceback" not in proc.stdout


def test_non_utf8_binary_and_empty_files_do_not_stop_the_scan(tmp_path: Path, run_cli) -> None:
    root = _project(
        tmp_path,
        {
            "Good.lean": GOOD,
            "Latin1.lean": b"-- caf\xe9\ntheorem x : True := trivial\n",
            "Binary.lean": b"\x00\x01\x02\xff" * 10,
            "Empty.lean": b"",
        },
    )
    proc = run_cli("report", str(root), "-f", "json", "--no-cache")
    _no_traceback(proc)
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert report["counts"]["declarations"] == 1  # Good.lean was still scanned
    err = proc.stderr.strip().splitlines()
    assert any(line.startswith("axiomdl: Latin1.lean:1: error: not valid UTF-8") for line in err), (
        err
    )
    assert any("Binary.lean:1: error: binary file" in line for line in err), err
    assert "axiomdl: Empty.lean:1: warning: empty file [empty]" in err, err
    # reported once, on stderr: the report's own findings are about the code
    assert not {f["code"] for f in report["findings"]} & {"encoding", "empty"}
    assert len(err) == 3, err


def test_unterminated_comment_and_string(tmp_path: Path, run_cli) -> None:
    root = _project(
        tmp_path,
        {
            "A.lean": GOOD + "\n/- never closed\ntheorem hidden : True := trivial\n",
            "B.lean": 'def s : String := "open\n',
        },
    )
    proc = run_cli("report", str(root), "--no-cache")
    _no_traceback(proc)
    assert proc.returncode == 2
    assert "A.lean:4: error: unterminated comment" in proc.stderr
    assert "B.lean:1: error: unterminated string" in proc.stderr


def test_deeply_nested_comments_scan_without_recursion() -> None:
    # 100 000 levels would exhaust any recursive reader; the time it takes (linear in the
    # depth) is a benchmark's business, not a test's.
    depth = 100_000
    text = "/-" * depth + "-/" * depth + "\ntheorem after : True := trivial\n"
    fs = scan_text(text, "Deep.lean", "Deep")
    assert [d.name for d in fs.decls] == ["after"]
    assert not fs.problems
    fs = scan_text("/-" * depth + "-/" * (depth - 1), "Deep.lean", "Deep")
    assert fs.problems[0][1:] == ("syntax", "unterminated comment")


def test_large_file_scans_every_declaration(tmp_path: Path) -> None:
    block = "/-- doc -/\ntheorem t{i} (n : Nat) : n + {i} = {i} + n := by\n  omega\n\n"
    text = "set_option autoImplicit false\n" + "".join(block.format(i=i) for i in range(40_000))
    assert len(text) > 2_500_000
    f = tmp_path / "Big.lean"
    f.write_text(text)
    p = scan_project(tmp_path, use_cache=False)
    assert len(p.decls) == 40_000


def test_unknown_name_gets_did_you_mean(run_cli) -> None:
    proc = run_cli("rests-on", "rate_sx", "-C", "tests/fixtures/graph", "--no-cache")
    _no_traceback(proc)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "unknown declaration `rate_sx`; did you mean `Toy.rate_sc`" in proc.stderr


def test_missing_path(run_cli, tmp_path: Path) -> None:
    proc = run_cli("report", str(tmp_path / "nope"))
    _no_traceback(proc)
    assert proc.returncode == 2
    assert "no such file or directory" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_not_a_lean_file(run_cli, tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("hello")
    proc = run_cli("report", str(f))
    assert proc.returncode == 2
    assert "is not a .lean file" in proc.stderr


def test_diff_outside_git(run_cli, tmp_path: Path) -> None:
    proc = run_cli("diff", "HEAD~1", "-C", str(tmp_path))
    _no_traceback(proc)
    assert proc.returncode == 2
    assert "not a git repository" in proc.stderr


def test_bad_option_is_usage_error(run_cli) -> None:
    proc = run_cli("report", "--format", "yaml")
    _no_traceback(proc)
    assert proc.returncode == 2
    assert "yaml" in proc.stderr


def test_corrupt_cache_is_rebuilt(tmp_path: Path, run_cli) -> None:
    root = _project(tmp_path / "proj", {"Good.lean": GOOD})
    cache = tmp_path / "cache"
    first = run_cli("report", str(root), "-f", "json", "--cache-dir", str(cache))
    assert first.returncode == 0
    files = list(cache.glob("scan-*/*.pickle"))
    assert {f.name for f in files} == {"index.pickle", "files.pickle", "project.pickle"}
    for f in files:
        f.write_bytes(b"\x80\x04garbage that is not a pickle")
    second = run_cli("report", str(root), "-f", "json", "--cache-dir", str(cache), "-v")
    _no_traceback(second)
    assert second.returncode == 0
    assert "ignored corrupt cache" in second.stderr  # said only with -v (see test_warm_cache)
    assert second.stdout == first.stdout
    third = run_cli("report", str(root), "-f", "json", "--cache-dir", str(cache), "-v")
    assert "corrupt" not in third.stderr


def test_output_file_is_written_atomically(tmp_path: Path, run_cli) -> None:
    out = tmp_path / "report.json"
    out.write_text("previous")
    # A write that fails half-way (files limited to 2000 bytes, the report is larger):
    # one error line, exit 2, the previous file intact, no temp file left behind.
    import resource
    import subprocess
    import sys

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    args = ["report", "-C", "tests/fixtures/graph", "-f", "json", "-o", str(out), "--no-cache"]
    failed = subprocess.run(
        [sys.executable, "-m", "axiomdl", *args],
        capture_output=True,
        text=True,
        preexec_fn=small_files,  # Python ignores SIGXFSZ: the write raises EFBIG
        timeout=300,
    )
    _no_traceback(failed)
    assert failed.returncode == 2
    assert failed.stderr == f"axiomdl: {out}: error: cannot write output: File too large\n"
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    proc = run_cli("report", "-C", "tests/fixtures/graph", "-f", "json", "-o", str(out))
    assert proc.returncode == 0
    assert json.loads(out.read_text())["schema_version"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp files left
