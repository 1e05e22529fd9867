"""The executors run a plan: the bound on requests in flight, outcomes, bugs, idle."""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass
from typing import Any

import pytest

from zgw_client import ZGWError
from zgw_client._executor import AsyncExecutor, Executor


@dataclass(frozen=True)
class Job:
    name: str
    slots: int = 1
    priority: int = 1


class Fanout:
    """Starts ``width`` jobs; each answer of a first-level job unlocks one child; the
    idle step adds one last job once."""

    def __init__(self, width: int, slots: int = 1) -> None:
        self.width, self.slots = width, slots
        self.outcomes: dict[str, Any] = {}
        self.idled = 0

    def start(self) -> list[Job]:
        return [Job(f"j{n}", self.slots) for n in range(self.width)]

    def settle(self, job: Job, outcome: Any) -> list[Job]:
        self.outcomes[job.name] = outcome
        return [Job(job.name + "-child")] if job.name.count("-") == 0 and job.name != "last" else []

    def idle(self) -> list[Job]:
        self.idled += 1
        return [Job("last")] if self.idled == 1 else []


class InFlight:
    def __init__(self) -> None:
        self.now = self.most = 0
        self.lock = threading.Lock()

    def enter(self, slots: int) -> None:
        with self.lock:
            self.now += slots
            self.most = max(self.most, self.now)

    def leave(self, slots: int) -> None:
        with self.lock:
            self.now -= slots


def _perform(counter: InFlight, fail: str = "") -> Any:
    def perform(job: Job) -> str:
        counter.enter(job.slots)
        try:
            time.sleep(0.005)
            if job.name == fail:
                raise ZGWError("failed as planned")
            return job.name.upper()
        finally:
            counter.leave(job.slots)

    return perform


def _aperform(counter: InFlight, fail: str = "") -> Any:
    async def perform(job: Job) -> str:
        counter.enter(job.slots)
        try:
            await asyncio.sleep(0.005)
            if job.name == fail:
                raise ZGWError("failed as planned")
            return job.name.upper()
        finally:
            counter.leave(job.slots)

    return perform


@pytest.mark.parametrize("slots", [1, 2])
async def test_every_job_runs_within_the_bound_and_errors_are_outcomes(
    face: str, slots: int
) -> None:
    plan, counter = Fanout(width=6, slots=slots), InFlight()
    if face == "sync":
        Executor(4).run(plan, _perform(counter, fail="j2-child"))
    else:
        await AsyncExecutor(4).run(plan, _aperform(counter, fail="j2-child"))
    assert len(plan.outcomes) == 13  # 6 + 6 children + the idle one
    assert plan.outcomes["j0"] == "J0"
    assert isinstance(plan.outcomes["j2-child"], ZGWError)
    assert plan.outcomes["last"] == "LAST"
    assert 2 <= counter.most <= 4  # requests in flight, a job counting its slots
    assert plan.idled == 2


async def test_a_bug_stops_the_run(face: str) -> None:
    def boom(job: Job) -> Any:
        raise KeyError(job.name)

    async def aboom(job: Job) -> Any:
        raise KeyError(job.name)

    if face == "sync":
        with pytest.raises(KeyError):
            Executor(2).run(Fanout(3), boom)
    else:
        with pytest.raises(KeyError):
            await AsyncExecutor(2).run(Fanout(3), aboom)


async def test_gather_keeps_order_and_errors(face: str) -> None:
    def ok(n: int) -> Any:
        return lambda: n

    def bad() -> Any:
        raise ZGWError("no")

    async def aok(n: int) -> int:
        await asyncio.sleep(0.001 * (3 - n))
        return n

    async def abad() -> Any:
        raise ZGWError("no")

    if face == "sync":
        results = Executor(3).gather([ok(0), bad, ok(2)])
    else:
        results = await AsyncExecutor(3).gather([lambda: aok(0), abad, lambda: aok(2)])
    assert results[0] == 0
    assert isinstance(results[1], ZGWError)
    assert results[2] == 2
