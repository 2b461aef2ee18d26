"""Each error status becomes its exception class, with the envelope's fields; transport
failures become ConnectionError / TimeoutError."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from anyio.from_thread import BlockingPortal
from signly_client import (
    AsyncSignlyClient,
    ConflictError,
    ConnectionError,
    InsufficientCreditsError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    SignlyClient,
    SignlyError,
    TimeoutError,
)
from signly_client.models import PublishDocumentRequest, TemplateInput

from signly_sandbox.config import PAGE_API_KEY, SECOND_TENANT_ID
from tests.lib.client import FailFirst, async_client, publish_request, sync_client


def publish(client: SignlyClient) -> PublishDocumentRequest:
    template_id = client.create_template(body=TemplateInput(template_name="T")).data.template_id
    return publish_request(template_id)


def test_403_permission_denied(app: Any, portal: BlockingPortal) -> None:
    # The seeded key with another tenant's id: a valid credential outside its scope (D10).
    other = sync_client(app, portal, tenant_id=SECOND_TENANT_ID, api_key=PAGE_API_KEY)
    with other, pytest.raises(PermissionDeniedError) as denied:
        other.list_documents()
    error = denied.value
    assert (error.status, error.code, error.error_type) == (403, "forbidden", "authorization")
    assert isinstance(error, SignlyError) and error.request_id


def test_409_conflict(client: SignlyClient) -> None:
    document = client.publish_document(body=publish(client)).data
    client.cancel_document(document.document_id)
    with pytest.raises(ConflictError) as conflict:
        client.cancel_document(document.document_id)
    assert conflict.value.status == 409 and conflict.value.code == "document_not_active"
    assert conflict.value.error_type == "conflict"


def test_402_insufficient_credits(make_app: Callable[..., Any], portal: BlockingPortal) -> None:
    with sync_client(make_app(credits=1), portal) as client:
        request = publish(client)
        client.publish_document(body=request)
        with pytest.raises(InsufficientCreditsError) as refused:
            client.publish_document(body=request)
    assert refused.value.status == 402 and refused.value.code == "insufficient_credits"
    assert refused.value.error_type == "credits" and refused.value.details == {}


def test_429_and_5xx_carry_retry_after(app: Any, portal: BlockingPortal) -> None:
    limited = FailFirst(app, 1, status=429, retry_after="7")
    client = sync_client(limited, portal, max_retries=0)
    with client, pytest.raises(RateLimitError) as error:
        client.list_templates()
    assert error.value.retry_after == 7.0 and error.value.code == "rate_limited"
    assert error.value.request_id == "req_fault_1"

    failing = FailFirst(app, 1, status=502, retry_after=None)
    client = sync_client(failing, portal, max_retries=0)
    with client, pytest.raises(ServerError) as server:
        client.list_templates()
    assert server.value.status == 502 and server.value.retry_after is None


def test_a_non_envelope_error_body_still_gives_a_typed_error(portal: BlockingPortal) -> None:
    def proxy(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            503, text="<html>upstream down</html>", headers={"X-Request-Id": "r1"}
        )

    client = SignlyClient(
        tenant_id="t", api_key="k", base_url="http://x", max_retries=0,
        httpx_args={"transport": httpx.MockTransport(proxy)},
    )  # fmt: skip
    with client, pytest.raises(ServerError) as error:
        client.list_documents()
    assert error.value.status == 503 and error.value.code is None
    assert error.value.request_id == "r1" and error.value.message == "Service Unavailable"


def refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def stall(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


@pytest.mark.parametrize(
    ("handler", "expected", "builtin"),
    [
        (refuse, ConnectionError, builtins.ConnectionError),
        (stall, TimeoutError, builtins.TimeoutError),
    ],
)
def test_transport_failures(
    handler: Callable[[httpx.Request], httpx.Response],
    expected: type[SignlyError],
    builtin: type[Exception],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waits: list[float] = []
    monkeypatch.setattr("time.sleep", waits.append)
    calls: list[httpx.Request] = []

    def counting(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return handler(request)

    client = SignlyClient(
        tenant_id="t", api_key="k", base_url="http://x",
        httpx_args={"transport": httpx.MockTransport(counting)},
    )  # fmt: skip
    with client, pytest.raises(expected) as error:
        client.get_template("0e51e6ee-4643-4381-97e0-5164c00a0142")
    assert isinstance(error.value, builtin) and isinstance(error.value, SignlyError)
    assert error.value.status is None and isinstance(error.value.__cause__, httpx.TransportError)
    assert len(calls) == 3 and len(waits) == 2  # default: 2 retries with backoff


@pytest.mark.anyio
async def test_async_errors(app: Any) -> None:
    async with async_client(app, tenant_id=SECOND_TENANT_ID) as client:
        with pytest.raises(PermissionDeniedError):
            await client.list_templates()
    async with async_client(app, api_key="nope") as client:
        with pytest.raises(SignlyError) as error:
            await client.get_document("0e51e6ee-4643-4381-97e0-5164c00a0142")
    assert error.value.status == 401
    assert isinstance(client, AsyncSignlyClient)
