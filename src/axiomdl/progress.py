"""One progress display for long work (scans, graphs, exports, site builds).

It draws a rich bar on stderr, and only where a person watches: stderr is a
terminal, ``CI`` is unset, ``TERM`` is not ``dumb`` and the command was not given
``--quiet``. It appears only once the work has run for a while (1 s, or
``AXIOMDL_PROGRESS_DELAY`` seconds), so quick commands never flicker, and it is
transient: nothing of it stays on screen, and nothing ever goes to stdout.

Use::

    with progress_display(progress_enabled(quiet)) as work:
        work.step("scanning files")
        scan(progress=work)          # work(done, total) updates the bar
        work.step("building the graph")
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from typing import Any

DEFAULT_DELAY_S = 1.0


def progress_enabled(quiet: bool = False) -> bool:
    """Whether a progress bar may be drawn: a terminal on stderr, not CI, not ``--quiet``."""
    if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get("AXIOMDL_PROGRESS_DELAY", DEFAULT_DELAY_S)))
    except ValueError:
        return DEFAULT_DELAY_S


class Work:
    """Steps of one piece of long work; call it as ``work(done, total)`` to advance a step.

    Disabled, every method is a no-op, so callers never test whether a bar is shown.
    """

    def __init__(self, bar: Any = None) -> None:
        self._bar = bar
        self._task: Any = None
        self._lock = threading.Lock()
        self._started = self._closed = False

    def step(self, label: str, total: int | None = None) -> None:
        """Begin a new step: the bar shows ``label`` and counts up to ``total`` (if known)."""
        if self._bar is None:
            return
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._task = self._bar.add_task(label, total=total)

    def __call__(self, done: int, total: int) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=done, total=total or None)

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items of the current step."""
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)

    def _start(self) -> None:
        with self._lock:
            if not self._closed:
                self._bar.start()
                self._started = True

    def _close(self) -> None:
        with self._lock:
            self._closed = True
            if self._started:
                self._bar.stop()


@contextlib.contextmanager
def progress_display(enabled: bool) -> Iterator[Work]:
    """A :class:`Work` whose bar appears on stderr after the delay, if ``enabled``."""
    if not enabled:
        yield Work()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),  # a percentage, or nothing while the total is unknown
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    work = Work(bar)
    delay = _delay()
    timer = threading.Timer(delay, work._start)
    timer.daemon = True
    if delay > 0:
        timer.start()
    else:
        work._start()
    try:
        yield work
    finally:
        timer.cancel()
        work._close()
