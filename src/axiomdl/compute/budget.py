"""A time budget for sympy calls that can run for minutes on unlucky input.

sympy's ``simplify``, ``limit`` and ``minimum`` are exact but have no time limit; a loss such
as ``exp(exp(exp(w)))`` can keep them busy indefinitely. ``within(seconds)`` interrupts the
block with :class:`OutOfTime` (via ``SIGALRM``, so only on the main thread of a POSIX
process; elsewhere the block simply runs to the end). A step that runs out of time has
decided nothing: callers treat it as "sympy could not prove it", never as a verdict.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class OutOfTime(Exception):
    """The step's budget ran out before sympy finished (``token`` names whose budget)."""

    def __init__(self, token: object) -> None:
        super().__init__("out of time")
        self.token = token


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def within(seconds: float) -> Iterator[object | None]:
    """Run the block for at most ``seconds``; yields the token its :class:`OutOfTime` will
    carry, or ``None`` when an outer budget ends first and stays in charge."""
    if not _can_alarm():
        yield None
        return
    remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if remaining and remaining < seconds:
        yield None
        return
    token = object()

    def on_alarm(_sig: int, _frame: object) -> None:
        raise OutOfTime(token)

    start = time.monotonic()
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield token
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        if remaining:  # give the outer budget back what is left of it
            left = remaining - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-4))


def bounded(seconds: float, fn: Callable[[], T], default: T) -> T:
    """``fn()`` within the budget, or ``default`` when the budget runs out. Unlike
    :func:`attempt`, any other exception propagates: a phase of the analysis may run out of
    time, but a bug in it must not pass for "not proved"."""
    token: object | None = None
    try:
        with within(seconds) as token:
            return fn()
    except OutOfTime as e:
        if token is None or e.token is not token:
            raise
        return default


def attempt(seconds: float, fn: Callable[[], T]) -> T | None:
    """``fn()`` within the budget; ``None`` when it runs out of time or sympy gives up.

    sympy signals "cannot do this" with many exception types (NotImplementedError,
    PolynomialError, TypeError on undecidable comparisons, RecursionError on deep trees):
    here every one of them means the same thing, that nothing was proved.
    """
    try:
        return bounded(seconds, fn, None)
    except OutOfTime:
        raise  # an outer budget ran out: it is the outer caller's to handle
    except Exception:  # sympy's many ways of giving up
        return None
