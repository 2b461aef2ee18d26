"""`/_sandbox/clock`, `/_sandbox/faults`, `/_sandbox/requests` and scripted participants:
the partner's test bench (signly_sandbox/workbench.py; described in overlays/sandbox.yaml)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from signly_sandbox import views
from signly_sandbox.clock import ClockBackwards, MovableClock, format_timestamp, parse_timestamp
from signly_sandbox.errors import Conflict, FeatureDisabled, NotFound, Validation
from signly_sandbox.handlers.base import Call, Reply, Services
from signly_sandbox.workbench import Workbench

ACTIVE_STATUSES = ("CREATED", "IN_PROGRESS")


def _bench(services: Services) -> Workbench:
    assert services.workbench is not None
    return services.workbench


def _clock_view(services: Services) -> dict[str, object]:
    now = services.clock.now()
    real = datetime.now(UTC)
    return views.sandbox_clock(
        format_timestamp(now), format_timestamp(real), (now - real).total_seconds()
    )


def _movable(services: Services) -> MovableClock:
    clock = services.clock
    if not isinstance(clock, MovableClock):
        raise FeatureDisabled("This sandbox runs on a fixed clock.")
    return clock


def _moved(services: Services, call: Call) -> Reply:
    expired = _bench(services).time.run_due()
    mine = [record["documentId"] for tenant, record in expired if tenant == call.tenant_id]
    data = views.clock_moved(_clock_view(services), mine)
    return Reply(200, "sandbox_clock_moved", "Sandbox clock moved.", data)


async def sandbox_get_clock(services: Services, call: Call) -> Reply:
    return Reply(200, "sandbox_clock_fetched", "Sandbox clock fetched.", _clock_view(services))


async def sandbox_set_clock(services: Services, call: Call) -> Reply:
    clock = _movable(services)
    try:
        clock.set(parse_timestamp(call.body["now"]))
    except ClockBackwards as error:
        raise Validation(
            {
                "now": [
                    "Must not be before the sandbox clock's current time "
                    f"({format_timestamp(error.now)}); the clock only moves forward."
                ]
            }
        ) from None
    return _moved(services, call)


async def sandbox_advance_clock(services: Services, call: Call) -> Reply:
    clock = _movable(services)
    seconds = call.body["seconds"]
    if seconds < 0:  # the schema refuses it too; the clock never moves back
        raise Validation({"seconds": ["Must be greater than or equal to 0."]})
    clock.advance(float(seconds))
    return _moved(services, call)


async def sandbox_arm_fault(services: Services, call: Call) -> Reply:
    faults = _bench(services).faults
    if not faults.enabled:
        raise FeatureDisabled("Failures on demand are turned off in this sandbox.")
    body = call.body
    rule = faults.arm(
        call.tenant_id,
        body["operationId"],
        status=body.get("status"),
        example=body.get("example"),
        count=body.get("count", 1),
        latency_ms=body.get("latencyMs", 0),
        retry_after=body.get("retryAfterSeconds"),
    )
    return Reply(201, "sandbox_fault_armed", "Fault armed.", views.fault_rule(rule))


async def sandbox_list_faults(services: Services, call: Call) -> Reply:
    rules = _bench(services).faults.rules(call.tenant_id)
    return Reply(200, "sandbox_faults_listed", "Faults listed.", views.fault_rules(rules))


async def sandbox_clear_faults(services: Services, call: Call) -> Reply:
    cleared = _bench(services).faults.clear(call.tenant_id)
    data = views.faults_cleared(call.tenant_id, cleared)
    return Reply(200, "sandbox_faults_cleared", "Faults cleared.", data)


async def sandbox_list_requests(services: Services, call: Call) -> Reply:
    entries = _bench(services).journal.recent(
        call.tenant_id, call.query["limit"], call.query.get("operationId")
    )
    data = views.journal_entries(entries)
    return Reply(200, "sandbox_requests_listed", "Requests listed.", data)


async def sandbox_schedule_participant(services: Services, call: Call) -> Reply:
    document_id, participant_id = call.path["documentId"], call.path["participantId"]
    document = services.store.get_document(call.tenant_id, document_id)
    if document["status"] not in ACTIVE_STATUSES:
        raise Conflict(
            "The document is no longer active.",
            {"documentId": document_id, "status": document["status"]},
            code="document_not_active",
        )
    person = next(
        (p for p in document["participants"] if p["participantId"] == participant_id), None
    )
    if person is None:
        raise NotFound("Participant not found.", {"participantId": participant_id})
    if person["status"] != "PENDING":
        raise Conflict(
            "The participant has no pending invitation.",
            {"participantId": participant_id, "status": person["status"]},
            code="participant_not_pending",
        )
    action = call.body["action"]
    due = services.clock.now() + timedelta(seconds=float(call.body["afterSeconds"]))
    _bench(services).time.schedule(
        call.tenant_id, document_id, participant_id, sign=action == "SIGN", due=due
    )
    data = views.scheduled_action(document_id, participant_id, action, format_timestamp(due))
    return Reply(202, "sandbox_participant_scheduled", "Participant scheduled.", data)
