"""What a probe gets from the runner: seeds, size preset, output folder, progress, plots."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from axiomdl.scan.cache import atomic_write_bytes


@dataclass
class Context:
    """Run settings shared by all probes; ``rng(k)`` gives the k-th independent stream."""

    seed: int
    quick: bool
    outdir: Path
    plots: bool = True
    progress: Callable[[float], None] = field(default=lambda _f: None)

    def rng(self, k: int = 0) -> np.random.Generator:
        """An independent, reproducible stream derived from (seed, k)."""
        return np.random.default_rng([self.seed, k])

    def pick(self, quick: Any, full: Any) -> Any:
        """The quick or the full value of a setting."""
        return quick if self.quick else full

    def savefig(self, fig: Any, stem: str) -> list[str]:
        """Write ``stem.svg`` and ``stem.png`` atomically; return their names."""
        if not self.plots:
            return []
        import matplotlib.pyplot as plt

        names = []
        for ext in ("svg", "png"):
            buf = io.BytesIO()
            meta = {"Date": None} if ext == "svg" else {"Software": None}
            fig.savefig(buf, format=ext, dpi=110, bbox_inches="tight", metadata=meta)
            atomic_write_bytes(self.outdir / f"{stem}.{ext}", buf.getvalue())
            names.append(f"{stem}.{ext}")
        plt.close(fig)
        return names


def width_ticks(ax: Any, widths: list[int]) -> None:
    """Plain-number ticks at the measured widths on a log axis."""
    ax.set_xticks(widths, [str(w) for w in widths])
    ax.minorticks_off()


def new_figure(ncols: int = 1, width: float = 5.0, height: float = 3.6) -> tuple[Any, Any]:
    """A matplotlib figure on the non-interactive Agg backend."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "axiomdl"
    fig, axes = plt.subplots(1, ncols, figsize=(width * ncols, height))
    return fig, axes


def plain_log_ticks(ax: Any, xs: list[int]) -> None:
    """On log-log axes: ticks at the measured sizes ``xs`` and plain-number y labels."""
    from matplotlib.ticker import FormatStrFormatter, NullLocator

    ax.set_xticks(xs, [str(x) for x in xs], fontsize=7)
    ax.xaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
    ax.yaxis.set_minor_formatter(FormatStrFormatter("%g"))
    ax.tick_params(axis="y", which="both", labelsize=7)
