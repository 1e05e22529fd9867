"""Replays the recorded Open Zaak exchanges against the backend and compares the shapes.

For every sample under ``../shared/samples/openzaak`` whose request goes to an API the
backend implements, the backend (mounted on the sample host ``127.0.0.1:8000`` and seeded
with the sample bodies themselves) answers the same request; the status code must be equal,
and the response body must have the same keys and JSON types at every level (``null`` on
either side matches anything; lists compare their first items).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from zgw_client.testing import InMemoryBackend

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "openzaak"
HOST = "http://127.0.0.1:8000"
IMPLEMENTED = ("/zaken/api/v1/", "/catalogi/api/v1/", "/documenten/api/v1/", "/besluiten/api/v1/")

pytestmark = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"recorded samples not found at {SAMPLES} (../shared absent)"
)


def load(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((SAMPLES / name).read_text())
    return result


def response_body(name: str) -> Any:
    return load(name)["response"]["body"]


def sample_names() -> list[str]:
    if not SAMPLES.is_dir():
        return []
    names = []
    for path in sorted(SAMPLES.glob("*.json")):
        url = json.loads(path.read_text())["request"]["url"]
        if any(url.startswith(HOST + root) for root in IMPLEMENTED):
            names.append(path.name)
    return names


def seeded_backend() -> InMemoryBackend:
    """A backend on the sample host, holding the very resources the samples show."""
    backend = InMemoryBackend(HOST)
    catalogi = [
        ("zaaktypen", response_body("catalogi_zaaktype_detail.json")),
        ("statustypen", response_body("catalogi_statustype_detail.json")),
        *(("statustypen", b) for b in response_body("catalogi_statustype_list.json")["results"]),
        ("resultaattypen", response_body("catalogi_resultaattype_detail.json")),
        ("roltypen", response_body("catalogi_roltype_detail.json")),
        ("catalogussen", response_body("catalogi_catalogus_detail.json")),
        ("informatieobjecttypen", response_body("catalogi_informatieobjecttype_detail.json")),
        ("besluittypen", response_body("catalogi_besluittype_detail.json")),
        (
            "zaaktype-informatieobjecttypen",
            response_body("catalogi_zaaktypeinformatieobjecttype_detail.json"),
        ),
    ]
    for collection, body in catalogi:
        backend.add("catalogi", collection, body)
    expanded = response_body("zaken_zaak_detail_expand.json")["_expand"]
    backend.add("catalogi", "statustypen", expanded["status"]["_expand"]["statustype"])
    backend.add(
        "documenten", "enkelvoudiginformatieobjecten", response_body("documenten_eio_detail.json")
    )
    backend.add(
        "documenten", "enkelvoudiginformatieobjecten", response_body("write_eio_post_201.json")
    )
    backend.add(
        "documenten",
        "enkelvoudiginformatieobjecten",
        response_body("write_eio_chunked_create_201.json"),
    )
    backend.add(
        "documenten", "objectinformatieobjecten", response_body("documenten_oio_detail.json")
    )
    backend.add("besluiten", "besluiten", response_body("besluiten_besluit_detail.json"))
    backend.add("besluiten", "besluiten", response_body("write_besluit_post_201.json"))

    def strip(body: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in body.items() if k != "_expand"}

    for name in (
        "zaken_zaak_detail.json",
        "zaken_zaak_detail_afgehandeld.json",
        "write_zaak_post_201.json",
    ):
        backend.add("zaken", "zaken", strip(response_body(name)))
    closed = response_body("zaken_zaak_detail_expand_resultaat.json")["_expand"]
    backend.add("zaken", "resultaten", strip(closed["resultaat"]))
    backend.add("zaken", "statussen", response_body("zaken_status_detail.json"))
    backend.add("zaken", "statussen", closed["status"])
    backend.add("zaken", "rollen", expanded["rollen"][0])
    backend.add(
        "zaken",
        "rollen",
        response_body("zaken_zaak_detail_expand_empty_relations.json")["_expand"]["rollen"][0],
    )
    backend.add(
        "zaken", "zaakinformatieobjecten", response_body("zaken_zaakinformatieobject_detail.json")
    )
    return backend


def arrange(backend: InMemoryBackend, name: str) -> None:
    """Put the documents in the state the sample was recorded in (locked, parts uploaded)."""
    if name.startswith(("write_eio_patch", "write_eio_unlock")):
        lock = load("write_eio_patch_locked_200.json")["request"]["body"]["lock"]
        document = {**response_body("write_eio_post_201.json"), "lock": lock}
        backend.add("documenten", "enkelvoudiginformatieobjecten", document)
    chunked = ["write_bestandsdeel_put_part1.json", "write_eio_chunked_unlock_204.json"]
    steps = {
        "write_eio_chunked_unlock_204.json": chunked[:1],
        "write_eio_chunked_detail_after_unlock.json": chunked,
        "write_eio_chunked_download_200.json": chunked,
    }
    for step in steps.get(name, []):
        assert replay(backend, load(step)).status_code == load(step)["response"]["status"]


def replay(backend: InMemoryBackend, sample: dict[str, Any]) -> httpx.Response:
    """Send the sample's request (JSON, or multipart rebuilt from its note) to the backend."""
    request = sample["request"]
    headers = {k: v for k, v in request["headers"].items() if k != "If-None-Match"}
    headers.update(authorization(backend, request["auth"]))
    body = request["body"]
    multipart = isinstance(body, dict) and body.get("_note") == "multipart/form-data"
    if multipart:
        headers.pop("Content-Type")  # httpx writes it with a real boundary
    with httpx.Client(transport=backend.transport(), headers=headers) as client:
        if "If-None-Match" in request["headers"]:
            plain = client.get(request["url"].split("?")[0])
            headers["If-None-Match"] = plain.headers["ETag"]
        if multipart:
            size = int(body["fields"]["inhoud"].split(": ")[1].split(" ")[0])
            return client.request(
                request["method"],
                request["url"],
                headers=headers,
                data={"lock": body["fields"]["lock"]},
                files={"inhoud": ("part.bin", bytes(size), "application/octet-stream")},
            )
        return client.request(
            request["method"],
            request["url"],
            headers=headers,
            content=json.dumps(body).encode() if body is not None else None,
        )


def authorization(backend: InMemoryBackend, auth: str) -> dict[str, str]:
    if auth.startswith("no Authorization"):
        return {}
    secret, iat = backend.jwt_secret, int(time.time())
    if "wrong secret" in auth:
        secret = "not-the-secret-but-long-enough-for-hs256"
    if "now - 7200" in auth:
        iat -= 7200
    claims = {"iss": "sdk-test", "iat": iat, "client_id": backend.jwt_client_id, "user_id": "u"}
    return {"Authorization": f"Bearer {jwt.encode(claims, secret, algorithm='HS256')}"}


def shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if value is None:
        return None
    return {bool: "boolean", int: "number", float: "number", str: "string"}[type(value)]


def differences(ours: Any, theirs: Any, where: str = "$") -> list[str]:
    if ours is None or theirs is None:
        return []
    if isinstance(theirs, dict) and isinstance(ours, dict):
        problems = []
        if set(ours) != set(theirs):
            problems.append(
                f"{where}: missing {sorted(set(theirs) - set(ours))}, "
                f"extra {sorted(set(ours) - set(theirs))}"
            )
        for key in set(ours) & set(theirs):
            problems += differences(ours[key], theirs[key], f"{where}.{key}")
        return problems
    if isinstance(theirs, list) and isinstance(ours, list):
        return differences(ours[0], theirs[0], f"{where}[0]") if ours and theirs else []
    return [] if ours == theirs else [f"{where}: {ours} != {theirs}"]


@pytest.mark.parametrize("name", sample_names())
def test_sample_shape(name: str) -> None:
    backend = seeded_backend()
    arrange(backend, name)
    sample = load(name)
    expected = sample["response"]
    response = replay(backend, sample)
    assert response.status_code == expected["status"], response.text
    for header in ("API-version", "Content-Crs", "ETag", "Location"):
        assert (header in response.headers) == (header in expected["headers"]), header
    if expected["status"] in (204, 304):
        assert response.content == b""
        return
    if isinstance(expected["body"], dict) and "_note" in expected["body"]:  # a download
        assert response.headers["Content-Type"] == expected["body"]["content_type"]
        return
    problems = differences(shape(response.json()), shape(expected["body"]))
    assert not problems, "\n".join(problems)
