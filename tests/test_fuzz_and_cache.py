"""Property tests (the scanner never raises) and the incremental cache."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from axiomdl.scan.files import SourceFile
from axiomdl.scan.parse import scan_text
from axiomdl.scan.project import scan_bytes, scan_project

_CHARS = list("abcxyzABC_.'«»()[]{}⟨⟩⦃⦄:=|,→∀∃λ\"\\-/!#@ \n\t0123456789")
_WORDS = [
    "theorem ",
    "def ",
    "namespace ",
    "end ",
    "section ",
    "open ",
    " in ",
    "variable ",
    "where",
    "/-",
    "-/",
    "/--",
    "/-!",
    "--",
    ":=",
    "by ",
    "structure ",
    "instance ",
    "mutual ",
    "@[simp] ",
    "'a'",
    '"s"',
    "sorry",
]
LEAN_ALPHABET = st.sampled_from([*_CHARS, *_WORDS])


def _well_formed(fs, text: str) -> None:
    """Invariants of any scan: lines inside the file, names present, problems placed,
    and the same text scanned again gives the same scan."""
    lines = text.count("\n") + 1
    for d in fs.decls:
        assert d.name and d.kind
        assert 1 <= d.line <= d.end_line <= lines + 1, (d.name, d.line, d.end_line, lines)
        assert 0 <= d.ctx < len(fs.contexts)
    for line, code, msg in fs.problems:
        assert 0 <= line <= lines + 1 and code and msg
    for _mod, line in fs.imports:
        assert 1 <= line <= lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LEAN_ALPHABET, max_size=200).map("".join))
def test_scanner_never_raises_on_lean_like_text(text: str) -> None:
    fs = scan_text(text, "F.lean", "F")
    _well_formed(fs, text)
    assert scan_text(text, "F.lean", "F") == fs


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_scanner_never_raises_on_bytes(data: bytes) -> None:
    fs = scan_bytes(data, SourceFile("B.lean", "B.lean", "B"))
    assert (fs.path, fs.module) == ("B.lean", "B")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # not UTF-8: one encoding problem, and nothing read from the file
        assert [code for _, code, _ in fs.problems] == ["encoding"] and fs.decls == []
    else:
        _well_formed(fs, text)
    assert scan_bytes(data, SourceFile("B.lean", "B.lean", "B")) == fs


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_scanner_never_raises_on_unicode(text: str) -> None:
    fs = scan_text(text, "U.lean", "U")
    _well_formed(fs, text)
    assert scan_text(text, "U.lean", "U") == fs


def _write(root: Path, n: int) -> None:
    for i in range(n):
        (root / f"M{i}.lean").write_text(f"theorem t{i} : {i} = {i} := rfl\n")


def test_cache_reuses_unchanged_files_and_rescans_changed(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    _write(root, 5)
    cache = tmp_path / "c"
    first = scan_project(root, cache_dir=cache)
    assert len(first.decls) == 5
    seen: list[tuple[int, int]] = []
    again = scan_project(root, cache_dir=cache, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 0)]  # nothing rescanned
    assert set(again.decls) == set(first.decls)
    (root / "M2.lean").write_text("theorem changed : True := trivial\n")
    st_ = (root / "M2.lean").stat()
    os.utime(root / "M2.lean", ns=(st_.st_atime_ns, st_.st_mtime_ns + 10_000_000))
    seen.clear()
    third = scan_project(root, cache_dir=cache, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1, 1)
    assert "changed" in third.decls and "t2" not in third.decls


def test_touch_without_change_uses_the_content_hash(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    _write(root, 3)
    cache = tmp_path / "c"
    scan_project(root, cache_dir=cache)
    st_ = (root / "M1.lean").stat()
    os.utime(root / "M1.lean", ns=(st_.st_atime_ns, st_.st_mtime_ns + 10_000_000))
    seen: list[tuple[int, int]] = []
    scan_project(root, cache_dir=cache, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 0)]
