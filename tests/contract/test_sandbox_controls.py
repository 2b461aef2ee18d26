"""The suite's check of the sandbox's test bench controls passes against the sandbox, and
fails against one whose clock goes back or whose journal forgets."""

from __future__ import annotations

import json

import pytest

from signly_contract.client import ApiClient
from signly_contract.properties import PROPERTIES
from signly_contract.properties.base import Ctx, run_property
from signly_contract.settings import RunSettings
from signly_contract.target import embedded_app, open_target
from signly_contract.violations import ContractViolation
from tests.contract.faults import FaultMiddleware, Forward, Req, Resp

SETTINGS = RunSettings(base_url=None, seed=20261201, max_examples=4)


def test_the_sandbox_passes_its_controls_check() -> None:
    with open_target(SETTINGS) as target:
        api = ApiClient(target.base_url, target.primary)
        run_property(PROPERTIES["sandbox_controls"].run, Ctx(api, target, 4, SETTINGS.seed))
        api.close()


async def clock_goes_back(request: Req, forward: Forward) -> Resp:
    """A sandbox that accepts a clock set into the past (the answer it should refuse)."""
    if request.method == "PUT" and request.path == "/_sandbox/clock":
        request.body = json.dumps({"now": "2999-01-01T00:00:00Z"}).encode()
    return await forward(request)


@pytest.mark.slow
def test_a_clock_that_goes_back_is_caught() -> None:
    app = lambda: embedded_app(lambda inner: FaultMiddleware(inner, clock_goes_back))  # noqa: E731
    with open_target(SETTINGS, app_factory=app) as target:
        api = ApiClient(target.base_url, target.primary)
        with pytest.raises(ContractViolation) as caught:
            run_property(PROPERTIES["sandbox_controls"].run, Ctx(api, target, 4, SETTINGS.seed))
        api.close()
    assert caught.value.check == "sandbox.clock.forward_only"
