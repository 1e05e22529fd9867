"""Lazy exports (PEP 562): a package lists its public names and loads each on first use.

Why: ``import zgw_client`` (and the auto-loaded pytest plugin, which imports
``zgw_client.testing``) used to import httpx, pydantic, both client faces and every API's
models, about 400 ms, before a program had asked for any of it. A package now says which
module defines each public name; the module is imported when the name is first read, and
the value is then kept on the package, so later reads cost a plain attribute lookup.

Type checkers and documentation tools see ordinary imports: each package repeats its lazy
names under ``if TYPE_CHECKING:``, and installs the hooks under ``if not TYPE_CHECKING:``,
so a misspelt name is still an error for mypy instead of a silent ``Any``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["attach"]


def attach(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package with lazy ``exports``.

    Args:
        package: the package's ``__name__``.
        exports: public name -> the module that defines it, relative to ``package``
            (``"._sync.client"``); ``"module:other"`` when the module calls it ``other``.
    """

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook of PEP 562
        target = exports.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module_name, _, attribute = target.partition(":")
        value = getattr(importlib.import_module(module_name, package), attribute or name)
        setattr(sys.modules[package], name, value)  # asked once per name
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*vars(sys.modules[package]), *exports})

    return __getattr__, __dir__
