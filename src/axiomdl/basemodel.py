"""The base of every output model: pydantic builds a model's validator on first use.

Building ~60 validators at import cost about a tenth of a second on every command,
though a command uses a handful of them (``defer_build``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A pydantic model whose schema is built when first used, not when defined."""

    model_config = ConfigDict(defer_build=True)
