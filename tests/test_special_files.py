"""Special and unreadable files: skipped with one warning each, the same for every command.

A FIFO named ``*.lean`` used to hang the scan forever (opening it blocks); sockets,
devices, symlink loops and broken symlinks are not source either. Every command that
scans reports each such file once, on stderr, and exits as it would without them; a
file that is Lean source but unreadable as such (bad encoding) is bad input: exit 2.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

GOOD = "theorem good : True := trivial\n"
COMMANDS = [
    ("report",),
    ("audit",),
    ("lint",),
    ("unused",),
    ("graph",),
    ("rests-on", "good"),
]


_DEVICES = ("/dev/zero", "/dev/null", "/dev/urandom")


def _is_char_device(path: str) -> bool:
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


def _special_tree(root: Path) -> list[str]:
    """A project with one good file and every kind of special entry; their messages."""
    root.mkdir()
    (root / "Good.lean").write_text(GOOD)
    os.mkfifo(root / "Fifo.lean")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "Sock.lean"))
    sock.close()
    # Some sandboxes (CI's among them) bind regular files at /dev/null and friends;
    # link to whichever real character device exists, if any.
    device = next((d for d in _DEVICES if _is_char_device(d)), None)
    if device is not None:
        (root / "Dev.lean").symlink_to(device)
    (root / "Loop.lean").symlink_to("Loop.lean")
    (root / "Broken.lean").symlink_to("nowhere.lean")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to("..")
    dev = (
        ["axiomdl: Dev.lean: warning: skipped: a device, not a source file [skipped]"]
        if device is not None
        else []
    )
    return [
        "axiomdl: Broken.lean: warning: skipped: a broken symlink [skipped]",
        *dev,
        "axiomdl: Fifo.lean: warning: skipped: a FIFO (named pipe), not a source file [skipped]",
        "axiomdl: Loop.lean: warning: skipped: a symlink loop [skipped]",
        "axiomdl: Sock.lean: warning: skipped: a socket, not a source file [skipped]",
        "axiomdl: sub/up: warning: skipped: a symlink back to a folder already scanned "
        "(a loop) [skipped]",
    ]


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c[0])
def test_special_files_are_skipped_with_one_warning_each(tmp_path: Path, run_cli, cmd) -> None:
    expected = _special_tree(tmp_path / "p")
    proc = run_cli(*cmd, "-C", str(tmp_path / "p"), "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == expected
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_skipped_with_one_warning(tmp_path: Path, run_cli) -> None:
    (tmp_path / "Good.lean").write_text(GOOD)
    secret = tmp_path / "Secret.lean"
    secret.write_text(GOOD.replace("good", "secret"))
    secret.chmod(0)
    try:
        proc = run_cli("audit", "-C", str(tmp_path), "--no-cache")
    finally:
        secret.chmod(0o644)
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [
        "axiomdl: Secret.lean: warning: skipped: cannot read file: Permission denied [io]"
    ]


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c[0])
def test_bad_source_is_exit_2_for_every_command(tmp_path: Path, run_cli, cmd) -> None:
    (tmp_path / "Good.lean").write_text(GOOD)
    (tmp_path / "Latin1.lean").write_bytes(b"-- caf\xe9\ntheorem x : True := trivial\n")
    proc = run_cli(*cmd, "-C", str(tmp_path), "--no-cache")
    assert proc.returncode == 2, (cmd, proc.stdout, proc.stderr)
    assert proc.stderr.splitlines() == [
        "axiomdl: Latin1.lean:1: error: not valid UTF-8 (byte 0xe9 at offset 6) [encoding]"
    ]
    assert proc.stdout  # the command's own output is still written


def test_diff_reports_bad_files_once_per_revision(tmp_path: Path, run_cli) -> None:
    import subprocess

    repo = tmp_path / "r"
    repo.mkdir()
    (repo / "Good.lean").write_text(GOOD)
    (repo / "Bad.lean").write_bytes(b"\xff\n")

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@e", "-c", "user.name=t", "add", "-A")
    git("-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "one")
    proc = run_cli("diff", "HEAD", "-C", str(repo))
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert len(lines) == 2 and all("Bad.lean:1: error: not valid UTF-8" in ln for ln in lines)
    assert "(in HEAD)" in lines[0] and "(in work tree)" in lines[1]


def test_a_file_that_cannot_be_read_becomes_one_warning(tmp_path: Path) -> None:
    # what a permission error gives, shown where root can read everything: the read fails
    from axiomdl.scan.files import SourceFile
    from axiomdl.scan.problems import bad_file_findings
    from axiomdl.scan.project import Project, scan_file

    (tmp_path / "Gone.lean").mkdir()  # opening a folder fails like an unreadable file
    fs = scan_file(SourceFile(str(tmp_path / "Gone.lean"), "Gone.lean", "Gone"))
    (finding,) = bad_file_findings(Project(tmp_path, [fs], {}, {}, {}))
    assert finding.severity == "warning" and finding.code == "io"
    assert (
        finding.one_line() == "Gone.lean: warning: skipped: cannot read file: Is a directory [io]"
    )
