"""The time budget around sympy: a step that never ends is cut off, and nothing else is hidden."""

from __future__ import annotations

import pytest

from axiomdl.compute.budget import OutOfTime, attempt, bounded


def forever() -> int:
    while True:
        pass


def test_a_step_that_never_ends_is_cut_off() -> None:
    assert attempt(0.2, forever) is None
    assert bounded(0.2, forever, "late") == "late"


def test_sympy_giving_up_is_not_proved_but_a_bug_still_raises() -> None:
    assert attempt(5, lambda: 1 / 0) is None  # attempt: any failure means "not proved"
    with pytest.raises(ZeroDivisionError):
        bounded(5, lambda: 1 / 0, "late")  # a phase: only running out of time is absorbed


def test_an_inner_step_cannot_outlive_its_phase() -> None:
    """The inner attempt asks for longer than its phase has left: the phase ends on time and
    the inner step does not swallow the phase's OutOfTime."""
    inner_results: list[object] = []

    def phase() -> str:
        inner_results.append(attempt(60, forever))  # would take a minute on its own
        return "finished"

    assert bounded(0.3, phase, "phase out of time") == "phase out of time"
    assert inner_results == []


def test_an_outer_budget_survives_an_inner_one() -> None:
    """After a shorter inner budget ends, the outer one is re-armed and still fires."""

    def phase() -> str:
        assert attempt(0.1, forever) is None
        forever()
        return "unreachable"

    assert bounded(0.5, phase, "outer fired") == "outer fired"


def test_out_of_time_is_an_exception_with_an_owner() -> None:
    e = OutOfTime(object())
    assert isinstance(e, Exception) and e.token is not None
