"""Start-up is structural: `--version` and `--help` import no heavy library.

The figures (seconds above bare Python) live in `benchmarks/bench_startup.py`; here we
assert the cause, in a fresh interpreter running the real entry point.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("sympy", "networkx", "rich", "pydantic", "jinja2", "numpy", "mpmath", "axiomdl.session")

_CHILD = """
import json, sys
sys.argv = ["axiomdl", *{args!r}]
from axiomdl.cli import main
try:
    main()
except SystemExit as e:
    code = e.code
print(json.dumps({{"code": code, "loaded": sorted(m for m in {heavy!r} if m in sys.modules)}}),
      file=sys.stderr)
"""


def _loaded(*args: str) -> tuple[int, list[str], str]:
    p = subprocess.run(
        [sys.executable, "-c", _CHILD.format(args=list(args), heavy=HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    last = p.stderr.strip().splitlines()[-1]
    d = json.loads(last)
    return d["code"], d["loaded"], p.stdout


@pytest.mark.parametrize(
    "args",
    [("--version",), ("--help",), ("check-loss", "--help"), ("falsify", "--help"), ("why", "-h")],
)
def test_light_invocations_import_nothing_heavy(args: tuple[str, ...]) -> None:
    code, loaded, out = _loaded(*args)
    assert code in (0, None)
    assert loaded == [], f"`axiomdl {' '.join(args)}` imported {loaded}"
    assert out  # it did print the version or the help


def test_help_lists_every_command_module() -> None:
    """The lazy group still shows all commands, from every module, in `--help`."""
    _, _, out = _loaded("--help")
    for name in ("rests-on", "check-loss", "falsify", "bound", "probe", "site", "doctor"):
        assert f"  {name} " in out


def test_a_command_imports_what_it_needs() -> None:
    """The lazy imports are really deferred, not dropped: a bad loss still needs sympy."""
    code, loaded, _ = _loaded("check-loss", "w +* 1", "--vars", "w")
    assert code == 2
    assert "sympy" in loaded
