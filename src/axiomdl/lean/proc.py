"""Run a subprocess with a hard timeout, optionally streaming its output line by line.

The timeout covers the whole run (not only silence); on expiry the process
group is killed and a one-line error is raised, never a traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from axiomdl.errors import AxiomdlError


@dataclass
class Completed:
    """Exit code and captured output of a finished process."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float


def _kill(proc: subprocess.Popen[str]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass


def run(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    timeout: float,
    on_line: Callable[[str], None] | None = None,
    env: dict[str, str] | None = None,
    stdin_text: str | None = None,
) -> Completed:
    """Run ``cmd``; call ``on_line`` for each stdout/stderr line as it arrives."""
    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            list(cmd),
            cwd=str(cwd) if cwd else None,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            start_new_session=os.name == "posix",
        )
    except FileNotFoundError:
        raise AxiomdlError(f"cannot run `{cmd[0]}`: not found") from None
    except OSError as e:
        raise AxiomdlError(f"cannot run `{cmd[0]}`: {e.strerror}") from None
    out: list[str] = []
    err: list[str] = []

    def pump(stream, sink: list[str]) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            sink.append(line)
            if on_line is not None:
                on_line(line.rstrip("\n"))

    threads = [
        threading.Thread(target=pump, args=(proc.stdout, out), daemon=True),
        threading.Thread(target=pump, args=(proc.stderr, err), daemon=True),
    ]
    for t in threads:
        t.start()
    if stdin_text is not None and proc.stdin is not None:
        try:
            proc.stdin.write(stdin_text)
            proc.stdin.close()
        except BrokenPipeError:
            pass
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        proc.wait()
        for t in threads:
            t.join(timeout=5)
        raise AxiomdlError(
            f"`{' '.join(cmd[:3])}` timed out after {timeout:g}s (raise it with --timeout)"
        ) from None
    for t in threads:
        t.join(timeout=5)
    return Completed(proc.returncode, "".join(out), "".join(err), time.monotonic() - start)
