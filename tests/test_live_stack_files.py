"""The live-test stack's files hold together: ``tests/live/docker-compose.yml`` (CI has no
Docker, so its structure is checked here, not the containers), the selectielijst stand-in
and the seed script (run against the in-memory backend and the stand-in)."""

from __future__ import annotations

import importlib.util
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from zgw_client import ZGWClient
from zgw_client.testing import InMemoryBackend, config_for

LIVE = Path(__file__).resolve().parent / "live"
COMPOSE = LIVE / "docker-compose.yml"
VERSION_TAG = re.compile(r"^[\w./-]+:\d+(\.\d+)*(-[\w.]+)?$")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"live_{name}", LIVE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(loaded, dict)
    return loaded


def _one_shots(services: dict[str, Any]) -> set[str]:
    """Services others wait on to have completed (set-up jobs), and profile-only jobs."""
    done = {
        name
        for service in services.values()
        for name, dependency in _depends(service).items()
        if dependency.get("condition") == "service_completed_successfully"
    }
    return done | {name for name, service in services.items() if service.get("profiles")}


def _depends(service: dict[str, Any]) -> dict[str, dict[str, Any]]:
    depends = service.get("depends_on") or {}
    if isinstance(depends, list):
        return {name: {} for name in depends}
    return dict(depends)


def test_every_image_is_pinned_to_a_version(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        image = service.get("image")
        assert image, f"{name} has no image"
        assert VERSION_TAG.match(image), f"{name}: {image} is not pinned to a version tag"
        assert not image.endswith(":latest")
        assert "build" not in service, f"{name} builds an image: public images only"


def test_the_servers_are_the_documented_versions(compose: dict[str, Any]) -> None:
    images = {service["image"] for service in compose["services"].values()}
    assert {
        "openzaak/open-zaak:1.30.0",
        "openzaak/open-notificaties:1.16.1",
        "maykinmedia/open-klant:2.18.0",
        "maykinmedia/objects-api:4.0.0",
        "maykinmedia/open-vtb:0.1.0",
        "maykinmedia/open-product:1.8.0",
    } <= images
    guide = (Path(__file__).resolve().parents[1] / "docs/guides/live-testing.md").read_text()
    for image in images:
        assert image in guide, f"the guide does not name {image}"


def test_long_running_services_have_a_healthcheck(compose: dict[str, Any]) -> None:
    services = compose["services"]
    one_shots = _one_shots(services)
    assert {"openzaak-init", "seed"} <= one_shots
    for name, service in services.items():
        if name in one_shots:
            continue
        check = service.get("healthcheck")
        assert check, f"{name} has no healthcheck"
        assert check.get("test"), f"{name}: healthcheck without a test"


def test_dependencies_exist_and_wait_for_health(compose: dict[str, Any]) -> None:
    services = compose["services"]
    one_shots = _one_shots(services)
    for name, service in services.items():
        for dependency, how in _depends(service).items():
            assert dependency in services, f"{name} depends on unknown {dependency}"
            expected = (
                "service_completed_successfully" if dependency in one_shots else "service_healthy"
            )
            assert how.get("condition") == expected, f"{name} -> {dependency}: {how}"


def test_mounted_files_exist(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (LIVE / source).exists(), f"{name} mounts missing {source}"


def test_uwsgi_as_in_production(compose: dict[str, Any]) -> None:
    environment = compose["services"]["openzaak"]["environment"]
    assert environment["UWSGI_PROCESSES"] == "2"
    assert environment["UWSGI_THREADS"] == "4"


# -- the selectielijst stand-in and the seed script --------------------------------------
@pytest.fixture(scope="module")
def selectielijst() -> Iterator[str]:
    stub = _load("selectielijst_stub")
    server = stub.serve(0)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/api/v1/"
    server.shutdown()
    server.server_close()


def test_selectielijst_stub_answers_as_open_zaak_reads_it(selectielijst: str) -> None:
    procestypen = httpx.get(selectielijst + "procestypen", params={"jaar": 2017}).json()
    assert len(procestypen) == 1
    resultaten = httpx.get(
        selectielijst + "resultaten", params={"procesType": procestypen[0]["url"]}
    ).json()
    assert resultaten["count"] == 2
    one = httpx.get(resultaten["results"][0]["url"])
    assert one.status_code == 200
    assert one.json() == resultaten["results"][0]
    assert httpx.get(selectielijst + "procestypen", params={"jaar": 2020}).json() == []
    assert httpx.get(selectielijst + "nothing").status_code == 404


def test_seed_makes_a_catalogue_the_suite_accepts(
    selectielijst: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = _load("seed")
    backend = InMemoryBackend()
    with backend.serve() as served:
        config = config_for(backend, base_url=served.url)
        for name, service in config.services.items():
            monkeypatch.setenv(f"ZGW_{name.upper()}_API_ROOT", service.api_root)
        monkeypatch.setenv("ZGW_CLIENT_ID", backend.jwt_client_id)
        monkeypatch.setenv("ZGW_SECRET", backend.jwt_secret)
        for name in ("KLANTINTERACTIES", "OBJECTEN", "BERICHTEN", "TAKEN", "VERZOEKEN"):
            monkeypatch.setenv(f"ZGW_{name}_TOKEN", backend.token)
        for name in ("PRODUCTEN", "PRODUCTTYPEN"):
            monkeypatch.setenv(f"ZGW_{name}_TOKEN", backend.token)
        monkeypatch.setenv("ZGW_CONTACTMOMENTEN_CLIENT_ID", backend.jwt_client_id)
        monkeypatch.setenv("ZGW_CONTACTMOMENTEN_SECRET", backend.jwt_secret)
        assert seed.main(["--selectielijst", selectielijst]) == 0
        printed = dict(
            line.removeprefix("export ").split("=", 1)
            for line in capsys.readouterr().out.splitlines()
        )
        assert set(printed) == {"ZGW_LIVE_ZAAKTYPE", "ZGW_LIVE_TAAK_OBJECTTYPE"}
        assert seed.main(["--selectielijst", selectielijst]) == 0  # a second run reuses
        again = dict(
            line.removeprefix("export ").split("=", 1)
            for line in capsys.readouterr().out.splitlines()
        )
        assert again == printed
        with ZGWClient(config) as client:
            zaaktype = client.catalogi.zaaktypen.get(printed["ZGW_LIVE_ZAAKTYPE"])
            assert zaaktype.concept is False
            assert zaaktype.informatieobjecttypen
            assert zaaktype.besluittypen
            statustypen = client.catalogi.statustypen_of(printed["ZGW_LIVE_ZAAKTYPE"])
            assert [s.volgnummer for s in statustypen] == [1, 2, 3]
            resultaattypen = client.catalogi.resultaattypen.list(
                zaaktype=printed["ZGW_LIVE_ZAAKTYPE"]
            ).to_list()
            assert str(resultaattypen[0].selectielijstklasse).startswith(selectielijst)
            version = client.objecten.objecttypes.version(printed["ZGW_LIVE_TAAK_OBJECTTYPE"], 1)
            assert version.json_schema
