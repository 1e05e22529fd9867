"""scripts/convert_roles.py: roles in docstrings and comments only, resolved or plain, once."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "convert_roles", REPO / "scripts" / "convert_roles.py"
)
assert _spec is not None
assert _spec.loader is not None
convert_roles = importlib.util.module_from_spec(_spec)
sys.modules["convert_roles"] = convert_roles
_spec.loader.exec_module(convert_roles)

INVENTORY = {
    "zgw_client.ZGWConfig": "py:class",
    "zgw_client.ZGWConfig.from_env": "py:method",
    "zgw_client.zaken.models.Zaak": "py:class",
    "zgw_client.documenten.EnkelvoudigInformatieObjecten": "py:class",
    "zgw_client.documenten.EnkelvoudigInformatieObjecten.download": "py:method",
    "zgw_client.testing.Filter.path": "py:attribute",
    "zgw_client.testing._router.Router": "py:class",
}

SOURCE = '''"""Module: see :class:`~zgw_client._config.ZGWConfig` and :mod:`zgw_client._cache`."""

ROLE_IN_CODE = ":class:`Zaak`"  # a comment: :meth:`ZGWConfig.from_env`


class AsyncEnkelvoudigInformatieObjecten:
    """Use :meth:`download`, not :attr:`path`; a :class:`Router` or :func:`helper()`."""

    def f(self) -> str:
        return ":func:`not_a_docstring`"
'''


def convert(source: str) -> str:
    resolver = convert_roles.Resolver(INVENTORY)
    return str(convert_roles.convert_source(source, resolver, "zgw_client._async.documenten"))


def test_roles_become_cross_references_or_backticks() -> None:
    out = convert(SOURCE)
    assert "[`ZGWConfig`][zgw_client.ZGWConfig]" in out  # ~ shows the last part
    assert " `_cache`." in out  # private: plain, and no private path shown
    assert "[`ZGWConfig.from_env`][zgw_client.ZGWConfig.from_env]" in out  # in a comment
    # a bare method of a class defined in this file (its sync twin is documented)
    assert "[`download`][zgw_client.documenten.EnkelvoudigInformatieObjecten.download]" in out
    assert "`path`" in out  # Filter.path is another file's class: not guessed
    assert "[`Router`]" not in out  # only a private identifier exists: plain
    assert "`helper()`" in out


def test_code_and_other_strings_are_untouched() -> None:
    out = convert(SOURCE)
    assert 'ROLE_IN_CODE = ":class:`Zaak`"' in out
    assert 'return ":func:`not_a_docstring`"' in out


def test_running_twice_changes_nothing() -> None:
    once = convert(SOURCE)
    assert convert(once) == once


def test_the_source_tree_converts_to_valid_python() -> None:
    resolver = convert_roles.Resolver(INVENTORY)
    for path in convert_roles.files():
        source = path.read_text(encoding="utf-8")
        compile(
            convert_roles.convert_source(source, resolver, convert_roles.module_of(path)),
            str(path),
            "exec",
        )
