"""Every exception of the tree survives pickling, as multiprocessing and task queues
(Celery) carry exceptions between processes: type, message and attributes kept."""

from __future__ import annotations

import inspect
import pickle
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

import httpx
import pytest

import zgw_client
import zgw_client.documenten
import zgw_client.identifiers
from zgw_client import BadRequestError, InvalidParam, RetriesExhaustedError, ZGWError
from zgw_client._core import api_error

PROBLEM = {
    "code": "invalid",
    "title": "Ongeldige invoer",
    "status": 400,
    "detail": "Het veld is verplicht",
    "invalidParams": [{"name": "zaaktype", "code": "required", "reason": "Verplicht"}],
}


def _response() -> httpx.Response:
    request = httpx.Request("POST", "https://openzaak.test/zaken/api/v1/zaken")
    return httpx.Response(400, json=PROBLEM, request=request)


SAMPLE_ARGUMENTS: dict[str, Any] = {
    "message": "Something went wrong; do this next.",
    "status": 400,
    "code": "invalid",
    "title": "Ongeldige invoer",
    "detail": "Het veld is verplicht",
    "instance": "urn:uuid:1",
    "invalid_params": [InvalidParam("zaaktype", "required", "Verplicht")],
    "body": PROBLEM,
    "response": None,
    "method": "GET",
    "url": "https://openzaak.test/zaken/api/v1/zaken",
    "configured_roots": ["https://openzaak.test/zaken/api/v1/"],
    "reason": "an encoded slash",
    "location": "https://openzaak.test/zaken/api/v1/zaken/2",
    "attempts": 3,
    "last_error": ZGWError("the last one"),
    "document_url": "https://openzaak.test/documenten/api/v1/enkelvoudiginformatieobjecten/1",
    "lock": "lock-1",
    "done": [1],
    "pending": [2, 3],
    "name": "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn",
    "limit": 1024,
}


def _every_error_class() -> list[type[ZGWError]]:
    found: list[type[ZGWError]] = []
    pending: list[type[ZGWError]] = [ZGWError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda cls: cls.__qualname__)


def _instance(cls: type[ZGWError]) -> ZGWError:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    signature = inspect.signature(cls.__init__)
    for name, parameter in list(signature.parameters.items())[1:]:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.default is not parameter.empty:
            continue
        value = SAMPLE_ARGUMENTS.get(name, SAMPLE_ARGUMENTS["message"])
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    if not args and not kwargs:
        args = [SAMPLE_ARGUMENTS["message"]]
    return cls(*args, **kwargs)


def _public_state(error: BaseException) -> dict[str, Any]:
    state = {key: value for key, value in vars(error).items() if key != "response"}
    for key, value in state.items():
        if isinstance(value, BaseException):
            state[key] = (type(value), str(value))
    return state


@pytest.mark.parametrize("cls", _every_error_class(), ids=lambda cls: cls.__qualname__)
def test_every_error_pickles_with_its_attributes(cls: type[ZGWError]) -> None:
    error = _instance(cls)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert _public_state(copy) == _public_state(error)


def test_an_api_error_keeps_its_response_when_pickled() -> None:
    error = api_error(_response())
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, BadRequestError)
    assert copy.response is not None
    assert copy.response.status_code == 400
    assert copy.response.json() == PROBLEM
    assert copy.invalid_params == error.invalid_params


def _fail_in_a_worker(kind: str) -> None:
    """Runs in another process: raise an error as the client would."""
    error = api_error(_response())
    if kind == "retries":
        raise RetriesExhaustedError(method="GET", url="u", attempts=4, last_error=error)
    raise error


def test_errors_cross_a_process_boundary() -> None:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(_fail_in_a_worker, kind) for kind in ("api", "retries")]
        caught = [future.exception(timeout=60) for future in futures]
    plain, retried = caught
    assert isinstance(retried, RetriesExhaustedError)
    assert retried.attempts == 4
    for error in (plain, retried.last_error):
        assert isinstance(error, BadRequestError)
        assert (error.status, error.code, error.detail) == (400, "invalid", PROBLEM["detail"])
        assert error.invalid_params == [InvalidParam("zaaktype", "required", "Verplicht")]


def test_the_tree_is_complete() -> None:
    """The classes above include those outside zgw_client's own namespace."""
    names = {cls.__qualname__ for cls in _every_error_class()}
    assert {"InvalidBSNError", "ChunkedUploadError", "BadRequestError"} <= names
    assert zgw_client.documenten.ChunkedUploadError is not None
    assert zgw_client.identifiers.InvalidBSNError is not None
