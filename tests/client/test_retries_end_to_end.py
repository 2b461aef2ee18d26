"""The client's retries, end to end over HTTP against the sandbox's own failures on demand:
two armed 503s on get_template, then the template."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from signly_client import RetryPolicy, ServerError, SignlyClient
from signly_client.models import TemplateInput

from signly_contract.server import serve
from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.blobs import BlobStore
from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID

HEADERS = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
FAST = RetryPolicy(max_retries=2, initial_backoff=0.01, max_backoff=0.05, jitter=0.01)


@pytest.fixture
def served(config: SandboxConfig, s3: BlobStore, sandbox_spec: dict[str, Any]) -> Iterator[str]:
    with serve(create_app(config, blobs=s3, spec=sandbox_spec)) as url:
        yield url


def arm(base_url: str, **rule: Any) -> None:
    armed = httpx.post(f"{base_url}/_sandbox/faults", headers=HEADERS, json=rule)
    assert armed.status_code == 201, armed.text


def statuses(base_url: str, operation_id: str) -> list[int]:
    journal = httpx.get(
        f"{base_url}/_sandbox/requests", headers=HEADERS, params={"operationId": operation_id}
    )
    return [entry["status"] for entry in journal.json()["data"]]


def test_two_armed_503s_are_retried_through(served: str) -> None:
    with SignlyClient(
        tenant_id=PAGE_TENANT_ID, api_key=PAGE_API_KEY, base_url=served, retry=FAST
    ) as client:
        template = client.create_template(body=TemplateInput(template_name="Retried")).data
        arm(served, operationId="get_template", status=503, count=2)
        fetched = client.get_template(template.template_id)
    assert fetched.data.template_id == template.template_id
    assert statuses(served, "get_template") == [200, 503, 503]  # newest first


def test_retry_after_of_an_armed_429_is_honoured_and_a_third_503_is_raised(served: str) -> None:
    with SignlyClient(
        tenant_id=PAGE_TENANT_ID, api_key=PAGE_API_KEY, base_url=served, retry=FAST
    ) as client:
        arm(served, operationId="list_templates", status=429, retryAfterSeconds=0)
        assert client.list_templates().status == 200
        arm(served, operationId="list_templates", status=503, count=3)
        with pytest.raises(ServerError) as raised:
            client.list_templates()
    assert raised.value.status == 503 and str(raised.value.request_id).startswith("req_")
    assert statuses(served, "list_templates") == [503, 503, 503, 200, 429]
