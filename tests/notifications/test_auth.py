"""Authentication comes first: static tokens, JWT-ZGW with rotated secrets, and refusals."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import pytest

from zgw_client import ConfigurationError
from zgw_client.notifications import (
    Delivery,
    JWTAuthenticator,
    NotificationReceiver,
    StaticTokenAuthenticator,
)

from .conftest import JWT_SECRET, OLD_JWT_SECRET, TOKEN, body_of, make_jwt, message


def verify(receiver: NotificationReceiver, headers: Any) -> Any:
    return receiver.verify("POST", headers, body_of(message()))


def test_the_registered_token_is_accepted(receiver: NotificationReceiver) -> None:
    assert isinstance(verify(receiver, {"Authorization": TOKEN}), Delivery)


def test_header_names_match_whatever_their_case(receiver: NotificationReceiver) -> None:
    # Open Notificaties' own callback check sends the header as "AUTHORIZATION".
    assert isinstance(verify(receiver, {"AUTHORIZATION": TOKEN}), Delivery)
    assert isinstance(verify(receiver, [(b"authorization", TOKEN.encode())]), Delivery)


def test_a_missing_header_is_401_with_a_challenge(receiver: NotificationReceiver) -> None:
    response = verify(receiver, {"Content-Type": "application/json"})
    assert response.status == 401
    assert response.problem["code"] == "not_authenticated"
    assert response.header("WWW-Authenticate") == "Token, Bearer"


def test_an_empty_header_counts_as_missing(receiver: NotificationReceiver) -> None:
    assert verify(receiver, {"Authorization": "  "}).status == 401


@pytest.mark.parametrize(
    "value",
    [
        "Token wrong",
        TOKEN + "x",
        TOKEN[:-1],
        "Bearer " + TOKEN.split(" ", 1)[1],  # right secret, wrong scheme
        "Token",
        "Bearer not.a.jwt",
        "Bearer \udcff\udcfe",
        "Token \ud800",
        "Bearer a.\ud800.b",
    ],
)
def test_a_wrong_credential_is_403(receiver: NotificationReceiver, value: str) -> None:
    response = verify(receiver, {"Authorization": value})
    assert response.status == 403
    assert TOKEN not in response.body.decode()


def test_two_authorization_headers_are_refused(receiver: NotificationReceiver) -> None:
    headers = [("Authorization", TOKEN), ("Authorization", "Token other")]
    assert verify(receiver, headers).status == 403


def test_static_token_rotation_accepts_old_and_new() -> None:
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator("Token new", "Token old"))
    for value in ("Token new", "Token old"):
        assert isinstance(verify(receiver, {"Authorization": value}), Delivery)
    assert verify(receiver, {"Authorization": "Token older"}).status == 403


def test_jwt_signed_with_the_new_or_the_old_secret_is_accepted(
    receiver: NotificationReceiver,
) -> None:
    for secret in (JWT_SECRET, OLD_JWT_SECRET):
        result = verify(receiver, {"Authorization": f"Bearer {make_jwt(secret)}"})
        assert isinstance(result, Delivery)
        assert result.client_id == "open-notificaties"


def test_jwt_with_another_secret_is_403(receiver: NotificationReceiver) -> None:
    response = verify(receiver, {"Authorization": f"Bearer {make_jwt('not-the-secret')}"})
    assert response.status == 403
    assert response.problem["code"] == "jwt-invalid"


def test_jwt_with_a_tampered_payload_is_403(receiver: NotificationReceiver) -> None:
    header, _, signature = make_jwt().split(".")
    forged = base64.urlsafe_b64encode(
        json.dumps({"iat": int(time.time()), "client_id": "open-notificaties"}).encode()
    ).rstrip(b"=")
    token = f"{header}.{forged.decode()}.{signature}"
    assert verify(receiver, {"Authorization": f"Bearer {token}"}).status == 403


def test_jwt_with_alg_none_is_403(receiver: NotificationReceiver) -> None:
    def segment(data: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    token = (
        segment({"alg": "none", "typ": "JWT"})
        + "."
        + segment({"iat": int(time.time()), "client_id": "open-notificaties"})
        + "."
    )
    response = verify(receiver, {"Authorization": f"Bearer {token}"})
    assert response.status == 403
    assert response.problem["code"] == "jwt-invalid"


def test_expired_jwt_is_403_jwt_expired(receiver: NotificationReceiver) -> None:
    now = int(time.time())
    token = make_jwt(iat=now - 13 * 3600, exp=now - 3600)
    response = verify(receiver, {"Authorization": f"Bearer {token}"})
    assert response.status == 403
    assert response.problem["code"] == "jwt-expired"


def test_leeway_tolerates_a_little_clock_skew() -> None:
    now = int(time.time())
    auth = JWTAuthenticator([JWT_SECRET], leeway=60)
    assert auth.authenticate(f"Bearer {make_jwt(exp=now - 30)}").accepted
    assert not auth.authenticate(f"Bearer {make_jwt(exp=now - 90)}").accepted
    assert auth.authenticate(f"Bearer {make_jwt(iat=now + 30)}").accepted
    refused = auth.authenticate(f"Bearer {make_jwt(iat=now + 600)}")
    assert refused.code == "jwt-not-yet-valid"


def test_max_age_refuses_an_old_iat_even_without_exp() -> None:
    now = int(time.time())
    auth = JWTAuthenticator([JWT_SECRET], max_age=3600, leeway=0)
    assert auth.authenticate(f"Bearer {make_jwt(iat=now - 60, exp=None)}").accepted
    old = auth.authenticate(f"Bearer {make_jwt(iat=now - 3700, exp=None)}")
    assert (old.accepted, old.code) == (False, "jwt-expired")


def test_jwt_without_iat_is_refused() -> None:
    auth = JWTAuthenticator([JWT_SECRET])
    assert auth.authenticate(f"Bearer {make_jwt(iat=None)}").code == "jwt-invalid"


def test_client_id_outside_the_allowed_set_is_403(receiver: NotificationReceiver) -> None:
    token = make_jwt(client_id="someone-else", iss="someone-else")
    response = verify(receiver, {"Authorization": f"Bearer {token}"})
    assert response.problem["code"] == "client-not-allowed"


def test_any_client_id_when_none_is_configured() -> None:
    auth = JWTAuthenticator([JWT_SECRET])
    result = auth.authenticate(f"Bearer {make_jwt(client_id=None, iss='from-iss')}")
    assert (result.accepted, result.client_id) == (True, "from-iss")


def test_a_short_legacy_secret_works_without_warnings(recwarn: pytest.WarningsRecorder) -> None:
    auth = JWTAuthenticator(["short"])
    assert auth.authenticate(f"Bearer {make_jwt('short')}").accepted
    assert not auth.authenticate(f"Bearer {make_jwt('shorter')}").accepted
    assert not [w for w in recwarn if "HMAC key" in str(w.message)]


def test_secrets_stay_out_of_repr(receiver: NotificationReceiver) -> None:
    text = repr(receiver)
    for secret in (TOKEN, TOKEN.split()[1], JWT_SECRET, OLD_JWT_SECRET):
        assert secret not in text
    assert "StaticTokenAuthenticator(<1 token(s)>)" in text


def test_configuration_mistakes_are_refused_at_once() -> None:
    with pytest.raises(ConfigurationError):
        StaticTokenAuthenticator()
    with pytest.raises(ConfigurationError):
        StaticTokenAuthenticator("")
    with pytest.raises(ConfigurationError):
        JWTAuthenticator([])
    with pytest.raises(ConfigurationError):
        NotificationReceiver(auth=[])


def test_authentication_comes_before_the_body_is_looked_at(
    receiver: NotificationReceiver,
) -> None:
    # Unauthenticated garbage and oversized bodies get 401/403, not 400/413.
    assert receiver.verify("POST", {}, b"\xff not json").status == 401
    huge = b"x" * (receiver.max_body_size + 10)
    assert receiver.verify("POST", {"Authorization": "Token x"}, huge).status == 403
