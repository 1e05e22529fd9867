"""The public surface: every exported name resolves, lazily, and imports stay cheap.

Laziness is checked by what an import loads (``sys.modules`` in a fresh interpreter), not by
timing: the figures are measured and printed in the docs (testing guide), not asserted.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

PACKAGES = [
    "zgw_client",
    "zgw_client.zaken",
    "zgw_client.catalogi",
    "zgw_client.documenten",
    "zgw_client.besluiten",
    "zgw_client.klantinteracties",
    "zgw_client.contactmomenten",
    "zgw_client.objecten",
    "zgw_client.berichten",
    "zgw_client.taken",
    "zgw_client.verzoeken",
    "zgw_client.producten",
    "zgw_client.producttypen",
    "zgw_client.notifications",
    "zgw_client.testing",
]

#: Each API package with resources: a model of it, and its namespace class.
API_PACKAGES = {
    "zaken": ("Zaak", "ZakenAPI"),
    "berichten": ("Bericht", "BerichtenAPI"),
    "taken": ("ExterneTaak", "TakenAPI"),
    "verzoeken": ("Verzoek", "VerzoekenAPI"),
    "producten": ("Product", "ProductenAPI"),
    "producttypen": ("ProductType", "ProducttypenAPI"),
}


def loaded_after(statement: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``statement``."""
    code = f"import sys\n{statement}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


@pytest.mark.parametrize("package", PACKAGES)
def test_every_exported_name_resolves(package: str) -> None:
    module = importlib.import_module(package)
    lazy = getattr(module, "_EXPORTS", {})
    assert set(lazy) <= set(module.__all__), "a lazy name missing from __all__"
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    assert set(module.__all__) <= set(dir(module))


@pytest.mark.parametrize("package", PACKAGES)
def test_a_misspelt_name_is_an_attribute_error(package: str) -> None:
    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match="Zakken"):
        module.Zakken  # noqa: B018


def test_top_level_all_is_exactly_the_lazy_table() -> None:
    import zgw_client

    assert set(zgw_client.__all__) == set(zgw_client._EXPORTS) | {"__version__"}


def test_import_zgw_client_loads_neither_httpx_nor_pydantic() -> None:
    loaded = loaded_after("import zgw_client")
    assert "httpx" not in loaded
    assert "pydantic" not in loaded
    assert not {m for m in loaded if m.startswith(("zgw_client._sync", "zgw_client._async"))}


def test_a_name_loads_its_module_only() -> None:
    loaded = loaded_after("from zgw_client import ZGWError")
    assert "zgw_client._exceptions" in loaded
    assert "httpx" not in loaded


@pytest.mark.parametrize("package", sorted(API_PACKAGES))
def test_models_do_not_load_a_client_face(package: str) -> None:
    model, _ = API_PACKAGES[package]
    loaded = loaded_after(f"from zgw_client.{package} import {model}")
    assert f"zgw_client.{package}.models" in loaded
    assert not {m for m in loaded if m.startswith(("zgw_client._sync", "zgw_client._async"))}


def test_resource_types_are_public_and_are_the_face_classes() -> None:
    from zgw_client._async.zaken import AsyncZakenAPI as PrivateAsync
    from zgw_client._sync.zaken import Zaken as PrivateZaken
    from zgw_client.zaken import AsyncZakenAPI, Zaken

    assert AsyncZakenAPI is PrivateAsync
    assert Zaken is PrivateZaken


@pytest.mark.parametrize("package", sorted(API_PACKAGES))
def test_each_namespace_is_public_in_both_faces(package: str) -> None:
    _, namespace = API_PACKAGES[package]
    public = importlib.import_module(f"zgw_client.{package}")
    for face, name in (("_sync", namespace), ("_async", f"Async{namespace}")):
        private = importlib.import_module(f"zgw_client.{face}.{package}")
        assert getattr(public, name) is getattr(private, name)
        # every resource class of the face module is public under the same name
        assert set(private.__all__) <= set(public.__all__), face


def test_the_pytest_plugin_imports_no_backend_until_a_fixture_runs() -> None:
    loaded = loaded_after("import pytest\nimport zgw_client.testing.pytest_plugin")
    assert "zgw_client.testing._backend" not in loaded
    assert "httpx" not in loaded
    assert "zgw_client._sync.client" not in loaded


def test_one_name_per_concept() -> None:
    import zgw_client
    import zgw_client.testing
    from zgw_client import contact, zaken

    assert zgw_client.testing.InvalidParam is zgw_client.InvalidParam
    assert contact.Contactmoment is contact.TimelineContact  # the deprecated alias
    assert not hasattr(zaken, "KlantContact")
    assert zaken.ZaakKlantcontact.__name__ == "ZaakKlantcontact"
