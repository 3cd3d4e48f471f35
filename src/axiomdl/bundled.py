"""Where the bundled AxiomDL library lives: a light module, so the CLI table can import it."""

from __future__ import annotations

from pathlib import Path


def bundled_root() -> Path:
    """The AxiomDL library shipped with this package (source checkout or installed wheel)."""
    here = Path(__file__).resolve()
    checkout = here.parents[2]
    if (checkout / "lakefile.lean").is_file() and (checkout / "lean").is_dir():
        return checkout
    return here.parent / "_bundled"
