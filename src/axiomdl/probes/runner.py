"""Run probes by name and write ``RESULTS/NAME/result.json`` plus plots, atomically."""

from __future__ import annotations

import difflib
import importlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from axiomdl.errors import AxiomdlError
from axiomdl.probes import PROBES
from axiomdl.probes.context import Context
from axiomdl.probes.model import ProbeResult
from axiomdl.scan.cache import atomic_write_text

ProgressFn = Callable[[str, float], None]


def check_names(names: Sequence[str]) -> list[str]:
    """Validate probe names (all probes when empty); unknown → exit 2 with a suggestion."""
    if not names:
        return list(PROBES)
    out = []
    for n in names:
        if n not in PROBES:
            close = difflib.get_close_matches(n, list(PROBES), n=1, cutoff=0.5)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            raise AxiomdlError(
                f"unknown probe `{n}`{hint} (known: {', '.join(PROBES)})",
            )
        if n not in out:
            out.append(n)
    return out


def check_results_dir(results_dir: Path) -> None:
    """Make sure results can be written there before spending minutes on experiments."""
    if results_dir.exists() and not results_dir.is_dir():
        raise AxiomdlError("results path exists and is not a directory", file=results_dir)
    try:
        results_dir.mkdir(parents=True, exist_ok=True)
        probe = results_dir / ".axiomdl-write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as e:
        raise AxiomdlError(
            f"cannot write probe results: {e.strerror or e}; choose another --results DIR",
            file=results_dir,
        ) from None


def _require_extras() -> None:
    missing = []
    for mod in ("numpy", "sklearn", "matplotlib"):
        try:
            importlib.import_module(mod)
        except ImportError:
            missing.append(mod)
    if missing:
        raise AxiomdlError(
            f"probes need {', '.join(missing)}: pip install 'axiomdl[probes]'",
        )


def run_one(
    name: str,
    *,
    quick: bool,
    seed: int,
    results_dir: Path,
    plots: bool = True,
    progress: Callable[[float], None] | None = None,
) -> ProbeResult:
    """Run one probe and write its result; returns the result."""
    _require_extras()
    spec = PROBES[name]
    mod = importlib.import_module(f"axiomdl.probes.{spec.module}")
    outdir = results_dir / name
    ctx = Context(
        seed=seed,
        quick=quick,
        outdir=outdir,
        plots=plots,
        progress=progress or (lambda _f: None),
    )
    from threadpoolctl import threadpool_limits

    t0 = time.perf_counter()
    # One BLAS thread: identical floating-point sums on every run, and no oversubscription
    # on the small matrices the probes use.
    with threadpool_limits(limits=1):
        result: ProbeResult = mod.run(ctx)
    result.elapsed_s = round(time.perf_counter() - t0, 3)
    atomic_write_text(outdir / "result.json", result.model_dump_json(indent=2) + "\n")
    return result


def run_probes(
    names: Sequence[str],
    *,
    quick: bool,
    seed: int,
    results_dir: Path,
    plots: bool = True,
    progress: ProgressFn | None = None,
) -> list[ProbeResult]:
    """Validate inputs first (exit 2 before any work), then run each probe in order."""
    chosen = check_names(names)
    _require_extras()
    check_results_dir(results_dir)
    out = []
    for n in chosen:
        cb = (lambda f, _n=n: progress(_n, f)) if progress else None
        out.append(
            run_one(n, quick=quick, seed=seed, results_dir=results_dir, plots=plots, progress=cb)
        )
    return out
