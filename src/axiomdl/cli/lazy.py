"""Deferred imports for the CLI, so that ``axiomdl --version`` and ``--help`` start fast.

sympy, networkx, pydantic models and rich cost over a second to import; a command imports
them when it runs, never when the command table is built. Two pieces:

- :class:`LazyModule`, a module-shaped handle that imports on first attribute access (the
  command modules keep writing ``build.rests_on(...)`` with no import in every function);
- :class:`LazyGroup`, a click group that imports a command module only when one of its
  commands is invoked, or all of them when the command list itself is needed (``--help``).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import click


class LazyModule:
    """A module imported on first attribute access (``sys.modules`` caches it after that)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def _load(self) -> ModuleType:
        return importlib.import_module(self._name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._load(), attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


class LazyGroup(click.Group):
    """A click group whose commands live in modules that each expose ``register(group)``.

    ``index`` maps a command name to the module that registers it, so invoking one command
    imports one module; a name missing from the index (a command another module added)
    falls back to importing every module, so the index is a speed-up, never a gate.
    """

    def __init__(self, *args: Any, modules: tuple[str, ...], index: dict[str, str], **kw: Any):
        super().__init__(*args, **kw)
        self._modules = modules
        self._index = index
        self._loaded: set[str] = set()

    def _load(self, module: str) -> None:
        if module in self._loaded:
            return
        self._loaded.add(module)
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:  # an optional command module that is not installed
            if e.name != module:
                raise
            return
        mod.register(self)

    def _load_all(self) -> None:
        for m in self._modules:
            self._load(m)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_all()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self._index:
            self._load(self._index[cmd_name])
        if cmd_name not in self.commands:
            self._load_all()
        return super().get_command(ctx, cmd_name)
