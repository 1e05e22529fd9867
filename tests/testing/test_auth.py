"""Auth as the real servers check it: 403 on Open Zaak, 401 on the Token APIs."""

from __future__ import annotations

import time

import httpx
import pytest

from zgw_client.testing import Collection, InMemoryBackend

from .conftest import CRS, mint

# the tests mint tokens with short secrets on purpose (legacy secrets, wrong secrets)
pytestmark = pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")


def get(backend: InMemoryBackend, url: str, **headers: str) -> httpx.Response:
    with httpx.Client(transport=backend.transport()) as client:
        return client.get(url, headers=headers)


def test_api_roots_answer_without_auth(backend: InMemoryBackend) -> None:
    for name, root in backend.api_roots.items():
        response = get(backend, root)
        assert response.status_code == 200, name
        assert root.endswith("/")
        assert response.headers["API-version"] == backend.apis[name].version
        assert all(isinstance(v, str) and v.startswith(root) for v in response.json().values())
    versions = {n: backend.api_version(n) for n in backend.apis}
    assert versions == {
        "zaken": "1.5.1",
        "catalogi": "1.3.1",
        "documenten": "1.4.2",
        "besluiten": "1.1.0",
        "klantinteracties": "0.9.0",
        "contactmomenten": "1.0.0",
        "objecten": "2.7.0",
        "berichten": "0.1.0",
        "taken": "0.1.0",
        "verzoeken": "0.1.0",
        "producten": "1.7.0",
        "producttypen": "1.7.0",
        "notificaties": "1.0.0",
    }


def test_no_token_is_403_permission_denied(backend: InMemoryBackend) -> None:
    response = get(backend, backend.api_roots["zaken"] + "zaken", **CRS)
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "permission_denied"
    assert body["title"] == "Je hebt geen toestemming om deze actie uit te voeren."
    assert body["type"] == "http://zgw.test/ref/fouten/PermissionDenied/"
    assert set(body) == {"type", "code", "title", "status", "detail", "instance"}
    assert response.headers["API-version"] == "1.5.1"
    assert response.headers["Content-Crs"] == "EPSG:4326"


@pytest.mark.parametrize(
    ("token_kwargs", "code"),
    [
        ({"secret": "not-the-secret"}, "invalid-jwt-signature"),
        ({"iat": int(time.time()) - 7200}, "jwt-expired"),
        ({"iat": int(time.time()) - 3600}, "jwt-expired"),
        ({"client_id": "somebody-else"}, "invalid-client-identifier"),
    ],
)
def test_bad_jwt_is_403(
    backend: InMemoryBackend, token_kwargs: dict[str, object], code: str
) -> None:
    token = mint(backend, **token_kwargs)  # type: ignore[arg-type]
    url = backend.api_roots["zaken"] + "zaken"
    response = get(backend, url, Authorization=f"Bearer {token}", **CRS)
    assert response.status_code == 403
    assert response.json()["code"] == code


def test_fresh_jwt_is_accepted_on_every_jwt_api(backend: InMemoryBackend) -> None:
    token = mint(backend, iat=int(time.time()) - 3599)
    response = get(
        backend, backend.api_roots["zaken"] + "zaken", Authorization=f"Bearer {token}", **CRS
    )
    assert response.status_code == 200


def test_short_legacy_secret_is_accepted() -> None:
    backend = InMemoryBackend(jwt_secret="short")
    token = mint(backend)
    response = get(
        backend, backend.api_roots["zaken"] + "zaken", Authorization=f"Bearer {token}", **CRS
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("api", "name"), [("klantinteracties", "partijen"), ("objecten", "objects")]
)
def test_token_apis_answer_401(backend: InMemoryBackend, api: str, name: str) -> None:
    # the Token APIs get their modules later; a minimal collection stands in for them
    resource = type(name, (Collection,), {"api": api, "name": name})
    backend.register(resource)
    url = backend.api_roots[api] + name
    missing = get(backend, url)
    assert missing.status_code == 401
    assert missing.json()["code"] == "not_authenticated"
    assert missing.headers["WWW-Authenticate"] == "Token"
    wrong = get(backend, url, Authorization="Token nope")
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "authentication_failed"
    right = get(backend, url, Authorization=f"Token {backend.token}")
    assert right.status_code == 200
    assert right.json()["count"] == 0


def test_auth_headers_helper(backend: InMemoryBackend) -> None:
    response = get(backend, backend.api_roots["zaken"] + "zaken", **backend.auth_headers("zaken"))
    assert response.status_code == 200
