"""``zgw notificaties``: kanalen, abonnementen (idempotent abonneer, verwijder) against the
served in-memory Open Notificaties, and test-bericht to a receiver served on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from tests.notifications.conftest import JWT_SECRET, TOKEN
from tests.support.receiver_server import recording, serve_receiver
from zgw_client.cli import main
from zgw_client.notifications import (
    JWTAuthenticator,
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
)
from zgw_client.testing import InMemoryBackend, ServedBackend

TAAK_TYPE = "https://objecttypen.test/api/v2/objecttypes/taak"


@pytest.fixture
def served() -> Iterator[ServedBackend]:
    with InMemoryBackend().serve() as server:
        yield server


@pytest.fixture
def receiver() -> NotificationReceiver:
    return NotificationReceiver(
        auth=[StaticTokenAuthenticator(TOKEN), JWTAuthenticator([JWT_SECRET])]
    )


@pytest.fixture
def callback(receiver: NotificationReceiver) -> Iterator[str]:
    with serve_receiver(receiver) as url:
        yield url


def runner_for(served: ServedBackend) -> CliRunner:
    backend = served.backend
    return CliRunner(
        env={
            "ZGW_NOTIFICATIES_API_ROOT": served.api_roots["notificaties"],
            "ZGW_CLIENT_ID": backend.jwt_client_id,
            "ZGW_SECRET": backend.jwt_secret,
            "ZGW_CALLBACK_AUTH": TOKEN,
        }
    )


def test_kanalen_lists_the_registered_kanalen(served: ServedBackend) -> None:
    runner = runner_for(served)
    result = runner.invoke(main, ["notificaties", "kanalen", "--json"])
    assert result.exit_code == 0, result.output
    kanalen = {k["naam"]: k["filters"] for k in json.loads(result.stdout)}
    assert kanalen["objecten"] == ["object_type"]
    plain = runner.invoke(main, ["notificaties", "kanalen"])
    assert plain.exit_code == 0, plain.output
    assert "zaken\tbronorganisatie, zaaktype" in plain.stdout


def test_abonneer_is_idempotent_and_prints_no_auth(served: ServedBackend, callback: str) -> None:
    runner = runner_for(served)
    args = ["notificaties", "abonneer", callback, "--kanaal", "zaken", "--kanaal", "objecten"]
    args += ["--filter", f"objecten:object_type={TAAK_TYPE}", "--json"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    created = json.loads(first.stdout)
    assert created["action"] == "created"
    assert created["abonnement"]["kanalen"][1] == {
        "naam": "objecten",
        "filters": {"objectType": TAAK_TYPE},
    }
    again = runner.invoke(main, args)
    assert json.loads(again.stdout)["action"] == "unchanged"
    changed = runner.invoke(main, [*args[:-1], "--filter", "zaken:bronorganisatie=002220647"])
    assert changed.exit_code == 0, changed.output
    assert "updated:" in changed.stderr
    listed = runner.invoke(main, ["notificaties", "abonnementen"])
    assert listed.exit_code == 0, listed.output
    assert "zaken[bronorganisatie=002220647]; objecten[objectType=" in listed.stdout
    for result in (first, again, changed, listed):
        assert TOKEN.split()[1] not in result.output


def test_abonneer_refuses_a_filter_for_a_kanaal_not_given(served: ServedBackend) -> None:
    result = runner_for(served).invoke(
        main,
        [
            "notificaties",
            "abonneer",
            "http://x.test/",
            "--kanaal",
            "zaken",
            "--filter",
            "objecten:object_type=x",
        ],
    )
    assert result.exit_code == 2
    assert "not given with --kanaal" in result.output


def test_verwijder_deletes_the_abonnement(served: ServedBackend, callback: str) -> None:
    runner = runner_for(served)
    made = runner.invoke(
        main, ["notificaties", "abonneer", callback, "--kanaal", "zaken", "--json"]
    )
    url = json.loads(made.stdout)["abonnement"]["url"]
    deleted = runner.invoke(main, ["notificaties", "verwijder", url])
    assert deleted.exit_code == 0, deleted.output
    listed = runner.invoke(main, ["notificaties", "abonnementen", "--json"])
    assert json.loads(listed.stdout) == []
    missing = runner.invoke(main, ["notificaties", "verwijder", url])
    assert missing.exit_code == 1  # 404 from the API


def test_test_bericht_sends_the_check_message(
    receiver: NotificationReceiver, callback: str
) -> None:
    received = recording(receiver)
    result = CliRunner().invoke(main, ["notificaties", "test-bericht", callback, "--auth", TOKEN])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("204")
    assert received == []  # the check message runs no handler


def test_test_bericht_with_a_real_message_and_a_jwt(
    receiver: NotificationReceiver, callback: str
) -> None:
    received = recording(receiver)
    args = ["notificaties", "test-bericht", callback, "--jwt-secret", JWT_SECRET]
    args += ["--kanaal", "zaken", "--resource", "status", "--hoofd-object", "http://zgw.test/z/1"]
    args += ["--kenmerk", "bronorganisatie=002220647"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    (notification,) = received
    assert isinstance(notification, Notification)
    assert (notification.kanaal, notification.resource) == ("zaken", "status")
    assert notification.kenmerken == {"bronorganisatie": "002220647"}


def test_test_bericht_reports_a_refusal_and_an_unreachable_callback(callback: str) -> None:
    refused = CliRunner().invoke(
        main, ["notificaties", "test-bericht", callback, "--auth", "Token fout"]
    )
    assert refused.exit_code == 1
    assert refused.stdout.startswith("403")
    assert "Token fout" not in refused.stdout
    unreachable = CliRunner().invoke(
        main, ["notificaties", "test-bericht", "http://127.0.0.1:9/", "--auth", TOKEN]
    )
    assert unreachable.exit_code == 3
    neither = CliRunner().invoke(main, ["notificaties", "test-bericht", callback])
    assert neither.exit_code == 2
