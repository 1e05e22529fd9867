"""httpx's and httpcore's own log lines show no BSN: zgw_client installs a filter on their
loggers when imported (opt-out by function or environment variable). Both faces, on a real
socket so that httpcore logs its connection and headers too."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from typing import Any

import httpx
import pytest

from tests.conftest import close, resolve
from tests.support.fake_server import FakeServer, Reply, Seen, fake_server
from zgw_client import (
    AsyncZGWClient,
    BSNLogFilter,
    NoAuth,
    Service,
    ZGWClient,
    install_bsn_log_filter,
    remove_bsn_log_filter,
)
from zgw_client._log_masking import install_by_default

BSN = "999993653"
FILTER = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"


def _client(face: str, server: FakeServer) -> Any:
    service = Service(server.url + "/zaken/api/v1/", NoAuth())
    if face == "sync":
        return ZGWClient(zaken=service, http_client=httpx.Client())
    return AsyncZGWClient(zaken=service, http_client=httpx.AsyncClient())


def _responder(seen: Seen) -> Reply:
    page: dict[str, Any] = {"count": 0, "next": None, "previous": None, "results": []}
    return Reply(200, page, headers={"X-Echo": f"/personen/{BSN}"})


async def _list_by_bsn(face: str) -> None:
    with fake_server(_responder) as server:
        client = _client(face, server)
        url = server.url + "/zaken/api/v1/zaken"
        await resolve(client.get_json(url, params={FILTER: BSN}))
        await close(client)


def _lines(caplog: pytest.LogCaptureFixture, prefix: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith(prefix)]


@pytest.mark.parametrize("level", [logging.INFO, logging.DEBUG])
async def test_httpx_and_httpcore_log_lines_are_masked(
    face: str, level: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(level)
    await _list_by_bsn(face)
    httpx_lines = _lines(caplog, "httpx")
    assert any("HTTP Request" in line and "*********" in line for line in httpx_lines)
    if level == logging.DEBUG:
        assert any("*********" in line for line in _lines(caplog, "httpcore"))
    assert BSN not in caplog.text
    assert all(BSN not in record.getMessage() for record in caplog.records)


async def test_the_filter_can_be_removed(face: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    remove_bsn_log_filter()
    try:
        await _list_by_bsn(face)
    finally:
        install_bsn_log_filter()
    assert any(BSN in line for line in _lines(caplog, "httpx"))


def test_a_record_that_cannot_be_formatted_passes_unchanged() -> None:
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "%s %s", (BSN,), None)
    assert BSNLogFilter().filter(record) is True
    assert record.args == (BSN,)  # the handler reports the broken record, as without us


def test_the_environment_variable_opts_out_on_import() -> None:
    code = (
        "import logging, zgw_client\n"
        "print(any(isinstance(f, zgw_client.BSNLogFilter) "
        "for f in logging.getLogger('httpx').filters))"
    )
    env = {**os.environ, "ZGW_BSN_LOG_FILTER": "0"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("value", "installed"), [("", True), ("1", True), ("0", False), ("off", False)]
)
def test_which_values_opt_out(value: str, installed: bool) -> None:
    httpx_logger = logging.getLogger("httpx")
    remove_bsn_log_filter()
    try:
        install_by_default({"ZGW_BSN_LOG_FILTER": value})
        assert any(isinstance(f, BSNLogFilter) for f in httpx_logger.filters) is installed
    finally:
        install_bsn_log_filter()
