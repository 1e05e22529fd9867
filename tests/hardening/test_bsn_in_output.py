"""A BSN a server sends back never reaches an output channel unmasked: exception messages
and reprs, the CLI's stderr, model reprs. The raw text stays reachable through explicit
attributes (``detail_unmasked``, ``body``, the model's fields). Both faces."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ZAKEN_ROOT, close, json_response, resolve
from tests.support.fake_server import Reply, Seen, fake_server
from zgw_client import BadRequestError, UnexpectedResponseError, ZGWError
from zgw_client._core import loggable_url
from zgw_client.cli import main
from zgw_client.identifiers import mask_bsn
from zgw_client.zaken import Rol, Zaak

BSN = "999993653"
ZAAK = ZAKEN_ROOT + "zaken/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"

PROBLEM = {
    "type": "https://openzaak.test/ref/fouten/ValidationError/",
    "code": "invalid",
    "title": f"Ongeldige invoer voor {BSN}",
    "status": 400,
    "detail": f"Geen persoon met BSN {BSN} gevonden",
    "instance": "urn:uuid:0c7e2a36-6f6b-4a0f-9d4c-6c1f7f4b0001",
    "invalidParams": [
        {"name": "betrokkeneIdentificatie.inpBsn", "code": "invalid", "reason": f"{BSN} onbekend"}
    ],
}


def _texts(error: BaseException) -> list[str]:
    """What a traceback or a log line can show of ``error`` and the errors it chains."""
    shown: list[str] = []
    current: BaseException | None = error
    while current is not None:
        shown += [str(current), repr(current), *(str(arg) for arg in current.args)]
        current = current.__cause__ or current.__context__
    return shown


async def test_the_problem_body_is_masked_in_the_message(make_client: Any) -> None:
    client = make_client(lambda request: json_response(400, PROBLEM))
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.get_json(ZAAK))
    await close(client)
    error = caught.value
    assert all(BSN not in text for text in _texts(error))
    assert "*********" in str(error)
    assert BSN not in (error.detail or "") + (error.title or "")
    assert all(BSN not in param.reason for param in error.invalid_params)
    # the raw text, explicitly
    assert error.detail_unmasked == PROBLEM["detail"]
    assert error.body["invalidParams"][0]["reason"] == f"{BSN} onbekend"


async def test_server_text_in_other_errors_is_masked(make_client: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"<p>hoi</p>", headers={"Content-Type": f"x/{BSN}"})

    client = make_client(handler)
    with pytest.raises(UnexpectedResponseError) as caught:
        await resolve(client.get_json(ZAAK))
    await close(client)
    assert all(BSN not in text for text in _texts(caught.value))


def test_every_zgw_error_masks_its_message() -> None:
    error = ZGWError(f"about {BSN}", 5)
    assert all(BSN not in text for text in _texts(error))
    assert error.args == ("about *********", 5)
    assert BSN not in str(pickle.loads(pickle.dumps(error)))


def test_the_cli_prints_the_error_masked() -> None:
    def responder(seen: Seen) -> Reply:
        return Reply(400, PROBLEM, headers={"Content-Type": "application/problem+json"})

    with fake_server(responder) as server:
        env = {"ZGW_ZAKEN_API_ROOT": server.url + "/zaken/api/v1/", "ZGW_ZAKEN_AUTH": "none"}
        uuid = "4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"
        result = CliRunner(env=env).invoke(main, ["zaken", "get", uuid])
    assert result.exit_code == 1
    assert "*********" in result.stderr
    assert BSN not in result.stderr
    assert BSN not in result.output


def test_a_models_repr_masks_a_bsn_and_its_field_keeps_it() -> None:
    rol = Rol.model_validate(
        {
            "url": ZAKEN_ROOT + "rollen/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0002",
            "betrokkeneType": "natuurlijk_persoon",
            "betrokkeneIdentificatie": {"inpBsn": BSN},
        }
    )
    zaak = Zaak.model_validate({"url": ZAAK, "identificatie": BSN})
    for model in (rol, zaak):
        assert BSN not in repr(model)
        assert BSN not in str(model)
        assert "*********" in repr(model)
    assert zaak.identificatie == BSN
    assert BSN in zaak.model_dump_json()  # what is sent or stored is the data itself


# -- one masker ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"BSN{BSN}", "BSN*********"),  # glued to a word: still a BSN
        (f"inpBsn={BSN}", "inpBsn=*********"),
        (f"x{BSN}y", "x*********y"),
        # hexadecimal tokens (UUID groups, hashes) keep their digits
        ("a05b693a-0b96-42ba-b4e3-e566436266da", "a05b693a-0b96-42ba-b4e3-e566436266da"),
        (f"etag-{BSN}abcdef", f"etag-{BSN}abcdef"),
        ("1234567890", "1234567890"),
    ],
)
def test_mask_bsn_and_loggable_url_are_one_masker(text: str, expected: str) -> None:
    assert mask_bsn(text) == expected
    assert loggable_url(text) == expected


@settings(max_examples=200, derandomize=True, database=None)
@given(st.text(alphabet="0123456789abcdefxyzBSN/?=&-_. ", max_size=40))
def test_the_two_maskers_never_differ(text: str) -> None:
    assert loggable_url(text) == mask_bsn(text)


def test_server_text_in_a_cli_error_is_not_read_as_markup() -> None:
    """Rich markup in a server's detail (``[/x]`` would crash the console) is printed as is."""

    def responder(seen: Seen) -> Reply:
        return Reply(404, {"code": "not_found", "title": "Niet gevonden", "detail": "[/x] [red]"})

    with fake_server(responder) as server:
        env = {"ZGW_ZAKEN_API_ROOT": server.url + "/zaken/api/v1/", "ZGW_ZAKEN_AUTH": "none"}
        result = CliRunner(env=env).invoke(
            main, ["zaken", "get", "4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"]
        )
    assert result.exit_code == 1, result.output
    assert "[/x] [red]" in result.stderr
