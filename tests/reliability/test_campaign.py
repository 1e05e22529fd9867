"""The reliability campaign (``campaign.py``) as a test: run once, asserted part by part.

The same code prints the figures of ``docs/guides/reliability.md``
(``python scripts/reliability_report.py``). Hypothesis is derandomized and bounded, so the
run is the same every time and takes some seconds.
"""

from __future__ import annotations

import pytest

from tests.reliability.campaign import (
    ASYNC_ONLY,
    FACES,
    FAST_FAULTS,
    SLOW_FAULTS,
    VECTORS,
    Tally,
    run_campaign,
)


@pytest.fixture(scope="module")
def tally() -> Tally:
    return run_campaign()


def _shown(failures: list[str]) -> str:
    return "\n".join(failures[:20])


def test_every_fault_kind_was_injected_on_both_faces(tally: Tally) -> None:
    for face in FACES:
        for kind in FAST_FAULTS + SLOW_FAULTS:
            if face == "sync" and kind in ASYNC_ONLY:
                continue
            assert tally.injected[(face, kind)] > 0, (face, kind)


def test_every_failure_is_a_zgw_error(tally: Tally) -> None:
    assert tally.escapes == [], _shown(tally.escapes)


def test_no_post_or_patch_reached_the_server_twice(tally: Tally) -> None:
    assert tally.duplicates == [], _shown(tally.duplicates)


def test_no_call_outlived_its_deadline(tally: Tally) -> None:
    assert tally.overruns == [], _shown(tally.overruns)


def test_every_injected_fault_was_survived(tally: Tally) -> None:
    assert tally.survived == tally.injected


def test_retries_recover_and_refusals_stay_refusals(tally: Tally) -> None:
    """Survived is not ignored: transient faults are retried away, the others refused."""
    for face in FACES:
        for kind in ("reset", "502", "503", "504", "429_seconds", "429_date", "truncate"):
            assert tally.recovered[(face, kind)] > 0, (face, kind)
        for kind in (
            "429_seconds_too_long",
            "429_date_too_far",
            "redirect_elsewhere",
            "oversize_declared",
            "oversize_chunked",
            "drip",
        ):
            recovered = {
                operation: count
                for (f, k, operation), count in tally.recovered_by_operation.items()
                if (f, k) == (face, kind) and count
            }
            # a streamed download is not capped: the one call that may take an oversize body
            assert set(recovered) <= {"download"}, (face, kind, recovered)
        assert tally.recovered_by_operation[(face, "oversize_declared", "download")] > 0


def test_no_credential_left_its_root(tally: Tally) -> None:
    for face in FACES:
        for vector in VECTORS:
            assert tally.leak_attempts[(face, vector)] > 0, (face, vector)
    assert tally.leaks == [], _shown(tally.leaks)


def test_fuzzed_payloads_end_in_typed_outcomes(tally: Tally) -> None:
    outcomes = {outcome for (_, _, outcome) in tally.payloads}
    assert {"ok", "UnexpectedResponseError", "PaginationError"} <= outcomes
    for face in FACES:
        for target in ("detail", "list", "create", "error"):
            assert any(
                count for (f, t, _), count in tally.payloads.items() if (f, t) == (face, target)
            ), (face, target)
    assert not any(outcome.startswith("ESCAPED") for outcome in outcomes)


def test_no_bsn_in_any_output_channel(tally: Tally) -> None:
    channels = {channel for (_, channel) in tally.bsn_checks}
    assert {"exceptions", "logs", "logs (httpx, httpcore)", "reprs", "CLI stderr"} <= channels
    assert tally.bsn_hits == [], _shown(tally.bsn_hits)
