"""Shared pieces of the behaviour properties: running them, and making test data.

Why properties are plain functions (`def prop(ctx)`), not pytest tests: the suite's tests
and the planted-fault tests call the very same function — the fault test only swaps the
server — so "the fault is caught" is a statement about the real suite.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import hypothesis

from signly_contract.cassette import TRAIL, from_json_value, to_json_value
from signly_contract.client import ApiClient, Exchange, record_violation
from signly_contract.target import Target
from signly_contract.violations import ContractViolation, expect


@dataclass
class Ctx:
    """What a property needs: the client, the target and its budget."""

    api: ApiClient
    target: Target
    max_examples: int
    seed: int
    # Replaying a cassette: run only this `given` block (by position), on this example.
    replay_block: int | None = None
    replay_example: Any = None
    _blocks: int = field(default=0, repr=False)

    def settings(self, share: float = 1.0) -> hypothesis.settings:
        return hypothesis.settings(
            max_examples=max(2, int(self.max_examples * share)),
            deadline=None,
            database=None,
            derandomize=False,
            phases=(hypothesis.Phase.explicit, hypothesis.Phase.generate),
            suppress_health_check=list(hypothesis.HealthCheck),
        )

    def given(
        self, share: float = 1.0, examples: tuple[dict[str, Any], ...] = (), **strategies: Any
    ) -> Callable[[Callable[..., None]], None]:
        """Run the decorated function as a seeded hypothesis test, right away; `examples`
        are always tried first, so the main paths are covered whatever the budget."""

        def run(test: Callable[..., None]) -> None:
            block = self._blocks
            self._blocks += 1
            if self.replay_block is not None or self.replay_example is not None:
                if block == self.replay_block:
                    TRAIL.start()
                    test(**from_json_value(self.replay_example or {}))
                return

            signature = inspect.signature(test)

            def recorded(*args: Any, **kwargs: Any) -> None:
                TRAIL.start()  # the cassette of a failure holds this example's exchanges
                try:
                    test(*args, **kwargs)
                except ContractViolation as violation:
                    example = signature.bind(*args, **kwargs).arguments
                    violation.block, violation.example = block, to_json_value(example)
                    raise

            recorded.__signature__ = signature  # type: ignore[attr-defined]
            wrapped = hypothesis.given(**strategies)(recorded)
            for explicit in examples:
                wrapped = hypothesis.example(**explicit)(wrapped)
            hypothesis.seed(self.seed)(self.settings(share)(wrapped))()

        return run


def run_property(prop: Callable[[Ctx], None], ctx: Ctx) -> None:
    """Run one property, putting any violation in the report before re-raising it."""
    from signly_contract.properties import PROPERTIES

    TRAIL.start()
    try:
        prop(ctx)
    except ContractViolation as violation:
        violation.property = next((n for n, p in PROPERTIES.items() if p.run is prop), None)
        record_violation(violation)
        raise


def ok(exchange: Exchange, check: str, *statuses: int) -> Any:
    """The `data` of a response that must have one of `statuses` (default 200/201)."""
    wanted = statuses or (200, 201)
    expect(
        exchange.status in wanted,
        check,
        f"expected HTTP {wanted}, got {exchange.status}",
        exchange,
        judge={"kind": "status", "expected": list(wanted)},
    )
    return exchange.data


def future(days: float = 30) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def new_template(ctx: Ctx, name: str = "Contract suite template") -> dict[str, Any]:
    got = ctx.api.call(
        "POST", "/v1/templates", json_body={"templateName": name, "description": "contract"}
    )
    data = ok(got, "setup.create_template", 201)
    ctx.target.created_templates.append(data["templateId"])
    return dict(data)


def participant(index: int) -> dict[str, Any]:
    return {
        "displayName": f"Signer {index}",
        "signatureMode": ["SIGNATURE_EMAIL"],
        "identity": {"email": f"signer{index}@example.com"},
    }


def publish(
    ctx: Ctx,
    template_id: str,
    participants: int = 1,
    order: str = "PARALLEL",
    deadline_days: float | None = 30,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "templateId": template_id,
        "templateVersion": "0001",
        "participants": [participant(i) for i in range(participants)],
        "orderMode": order,
    }
    if deadline_days is not None:
        body["deadlineAt"] = future(deadline_days)
    data = ok(ctx.api.call("POST", "/v1/documents", json_body=body), "setup.publish_document", 201)
    ctx.target.created_documents.append(data["documentId"])
    return dict(data)
