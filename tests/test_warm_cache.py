"""The warm path: answers from the derived cache equal cold answers, whatever the cache holds.

Every check compares a run through the cache with a ``--no-cache`` run of the
same sources: after no change, after an edit, and after the cache was written by
other code, truncated, damaged, or written for other sources. Damaged caches are
re-signed here with the real blob format, holding a *wrong* value, so a run that
trusted them would print it.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import shutil
from pathlib import Path

import pytest

from axiomdl.scan.cache import code_fingerprint
from axiomdl.session import load

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAGIC = b"AXDLBLB1"

# Each command as a user runs it, from the folder holding the project ``toy``.
QUERIES = [
    ("report", "toy", "-f", "json"),
    ("report", "toy"),
    ("report", "toy", "-f", "md"),
    ("report", "toy", "--all"),
    ("rests-on", "rate_sc", "-C", "toy", "-f", "json"),
    ("rests-on", "rate_sc", "-C", "toy"),
    ("why", "rate_sc", "PL", "-C", "toy"),
    ("impact", "PL", "-C", "toy", "-f", "json"),
    ("unused", "-C", "toy"),
    ("audit", "toy", "-f", "json"),
]
# One of each kind of cached work: whole outputs (json, text), the graph and sets, findings.
SHORT = [QUERIES[0], QUERIES[1], QUERIES[4], QUERIES[9]]


def _copy_toy(where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURES / "graph", where / "toy")
    return where


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """A folder holding a copy of the Toy project (``toy``) that tests may edit."""
    return _copy_toy(tmp_path / "work")


@pytest.fixture(scope="module")
def cold(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[int, str, str]]:
    """Every query's answer without any cache."""
    from tests.conftest import cli_runner

    return _answers(cli_runner(), _copy_toy(tmp_path_factory.mktemp("cold")), QUERIES, "--no-cache")


def _answers(run_cli, here: Path, queries: list, *extra: str) -> list[tuple[int, str, str]]:
    out = []
    for q in queries:
        proc = run_cli(*q, *extra, cwd=here)
        assert "Traceback" not in proc.stderr
        out.append((proc.returncode, proc.stdout, proc.stderr))
    return out


def _blobs(cache: Path) -> list[Path]:
    return sorted(cache.glob("scan-*/*.blob"))


def _read_blob(p: Path) -> tuple[dict, object]:
    stream = io.BytesIO(p.read_bytes()[len(MAGIC) + 16 :])
    return pickle.load(stream), pickle.load(stream)


def _write_blob(p: Path, meta: dict, value: object) -> None:
    body = pickle.dumps(meta) + pickle.dumps(value)
    p.write_bytes(MAGIC + hashlib.blake2b(body, digest_size=16).digest() + body)


def _poison(meta: dict, value: object) -> object:
    """A value of the same shape that gives a visibly wrong answer if it were used."""
    if meta["kind"] == "output":
        return ("WRONG ANSWER\n", [], 0)
    if meta["kind"] == "reach":
        return {"reach": dict.fromkeys(value["reach"], 0)}
    g, memo, values = value
    return g, {**memo, "bundle": dict.fromkeys(memo["bundle"], 0)}, {**values, "findings": []}


def test_warm_answers_equal_cold_answers(here: Path, cold, run_cli) -> None:
    cache = ["--cache-dir", str(here / "cache")]
    assert _answers(run_cli, here, QUERIES, *cache) == cold  # computed and cached
    assert _answers(run_cli, here, QUERIES, *cache) == cold  # served from the cache
    kinds = sorted(_read_blob(b)[0]["kind"] for b in _blobs(here / "cache"))
    assert kinds.count("graph") == kinds.count("reach") == 1
    assert kinds.count("output") == 4  # json, text, md, --all


def test_an_edit_is_seen_at_once(here: Path, run_cli) -> None:
    cache = ["--cache-dir", str(here / "cache")]
    queries = [QUERIES[0], QUERIES[4]]  # a cached output, and a query on the cached graph
    _answers(run_cli, here, queries, *cache)
    results = here / "toy" / "Toy" / "Results.lean"
    text = results.read_text(encoding="utf-8")
    # rate_sc now also takes PL as a hypothesis: its requires set grows
    results.write_text(
        text.replace("(hc : StrongConvex f m)", "(hc : StrongConvex f m) (hp : PL f m)"),
        encoding="utf-8",
    )
    warm = _answers(run_cli, here, queries, *cache)
    assert warm == _answers(run_cli, here, queries, "--no-cache")
    assert json.loads(warm[1][1])["requires"] == ["Toy.PL", "Toy.Smooth", "Toy.StrongConvex"]


def test_a_bad_cache_is_rebuilt_silently(here: Path, cold, run_cli) -> None:
    cache_dir = here / "cache"
    cache = ["--cache-dir", str(cache_dir)]
    expected = [cold[QUERIES.index(q)] for q in SHORT]
    _answers(run_cli, here, SHORT, *cache)
    cold_reach = load(here / "toy", use_cache=False, quiet=True).analysis.reach
    assert _warm_reach(here, cache_dir) == cold_reach and any(cold_reach.values())
    for damage in ("other-code", "other-digest", "truncated", "flipped-byte"):
        blobs = _blobs(cache_dir)
        assert len(blobs) == 4  # graph, reach sets, json and text outputs
        for b in blobs:
            meta, value = _read_blob(b)
            if damage == "other-code":  # written by another version of axiomdl
                _write_blob(b, {**meta, "code": "0" * 32, "scanner": "0.0.0"}, _poison(meta, value))
            elif damage == "other-digest":  # written for other sources
                _write_blob(b, {**meta, "digest": "f" * 32}, _poison(meta, value))
            elif damage == "truncated":
                b.write_bytes(b.read_bytes()[: b.stat().st_size // 2])
            else:
                data = bytearray(b.read_bytes())
                data[len(data) // 2] ^= 0x01
                b.write_bytes(bytes(data))
        # the cold answers, and not a word on stderr (they equal cold stderr, which is empty)
        assert _answers(run_cli, here, SHORT, *cache) == expected, damage
        # the reach sets (read only by whole-graph queries on big projects) are rebuilt too
        assert _warm_reach(here, cache_dir) == cold_reach, damage


def _warm_reach(here: Path, cache_dir: Path) -> dict[str, int]:
    return load(here / "toy", cache_dir=cache_dir, quiet=True).analysis.reach


def test_verbose_says_why_a_cache_was_rebuilt(here: Path, run_cli) -> None:
    cache = ["--cache-dir", str(here / "cache")]
    run_cli("rests-on", "rate_sc", "-C", "toy", *cache, cwd=here)
    (graph,) = [b for b in _blobs(here / "cache") if b.name == "graph.blob"]
    graph.write_bytes(graph.read_bytes()[:100])
    quiet = run_cli("rests-on", "rate_sc", "-C", "toy", *cache, cwd=here)
    assert quiet.stderr == ""
    graph.write_bytes(graph.read_bytes()[:100])
    loud = run_cli("rests-on", "rate_sc", "-C", "toy", "-v", *cache, cwd=here)
    lines = loud.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("axiomdl: cache: ignored corrupt cache ")
    assert "graph.blob" in lines[0] and lines[0].endswith("rebuilding")
    assert loud.stdout == quiet.stdout


def test_code_fingerprint_is_stable_and_names_the_code() -> None:
    assert code_fingerprint() == code_fingerprint()
    assert len(code_fingerprint()) == 32


def test_cached_report_keeps_findings_exit_code_and_input_errors(tmp_path: Path, run_cli) -> None:
    proj = tmp_path / "proj"
    shutil.copytree(FIXTURES / "scanner", proj)
    (proj / "Latin1.lean").write_bytes(b"-- caf\xe9\ntheorem x : True := trivial\n")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cold = run_cli("report", str(proj), "-f", "json", "--no-cache")
    assert cold.returncode == 2 and "Latin1.lean:1: error: not valid UTF-8" in cold.stderr
    for _ in range(2):  # written, then served from the cache
        run = run_cli("report", str(proj), "-f", "json", *cache)
        assert (run.returncode, run.stdout, run.stderr) == (
            cold.returncode,
            cold.stdout,
            cold.stderr,
        )
    (proj / "Latin1.lean").unlink()
    for _ in range(2):
        run = run_cli("audit", str(proj), *cache)
        assert run.returncode == 1 and "uses `sorry`" in run.stdout  # findings come warm too
