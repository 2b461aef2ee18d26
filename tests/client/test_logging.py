"""What the client shows of what it does: one log record per attempt on the `signly_client`
logger (method, path, status, request id, attempt, time), headers and bodies at DEBUG with
credentials and secrets masked, `SIGNLY_LOG` for stderr, and a User-Agent with versions."""

from __future__ import annotations

import logging
import platform
import subprocess
import sys
import textwrap
from typing import Any

import httpx
import pytest
from anyio.from_thread import BlockingPortal
from signly_client import SignlyAdminClient
from signly_client.models import CreateApiIntegrationRequest, TemplateInput

from signly_sandbox.config import PAGE_ADMIN_TOKEN, PAGE_API_KEY
from tests.lib.client import BASE_URL, FailFirst, PortalTransport, sync_client
from tests.lib.env import clean_environ


@pytest.fixture
def debug_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="signly_client")
    return caplog


def test_each_attempt_is_logged_with_its_figures(
    app: Any, portal: BlockingPortal, debug_log: pytest.LogCaptureFixture, monkeypatch: Any
) -> None:
    monkeypatch.setattr("time.sleep", lambda _: None)
    faulty = FailFirst(app, 1, status=503)
    with sync_client(faulty, portal) as client:
        created = client.create_template(body=TemplateInput(template_name="Logged"))
    info = [r.getMessage() for r in debug_log.records if r.levelno == logging.INFO]
    assert len(info) == 2
    assert info[0].startswith("POST /v1/templates -> 503 (request_id=-, attempt 1, ")
    assert info[1].startswith(
        f"POST /v1/templates -> 201 (request_id={created.meta.request_id}, attempt 2, "
    )
    assert info[1].endswith(" ms)")
    text = "\n".join(r.getMessage() for r in debug_log.records)
    assert PAGE_API_KEY not in text
    assert "'X-Auth-Signly': '***'" in text or "'x-auth-signly': '***'" in text
    assert '"templateName":"Logged"' in text  # bodies at DEBUG
    assert "idempotency-key" in text.lower()  # the key it sent, the same twice


def test_secrets_in_bodies_are_masked(
    app: Any, portal: BlockingPortal, debug_log: pytest.LogCaptureFixture
) -> None:
    with SignlyAdminClient(
        token=PAGE_ADMIN_TOKEN,
        base_url=BASE_URL,
        httpx_args={"transport": PortalTransport(app, portal)},
    ) as admin:
        admin.delete_api_integration()
        created = admin.create_api_integration(body=CreateApiIntegrationRequest(auth_method="KEY"))
    secret = created.data.api_key
    text = "\n".join(r.getMessage() for r in debug_log.records)
    assert isinstance(secret, str) and secret not in text
    assert '"apiKey":"***"' in text
    assert PAGE_ADMIN_TOKEN not in text and "Bearer ***" in text


def test_nothing_is_logged_below_the_level_asked(
    app: Any, portal: BlockingPortal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="signly_client")
    with sync_client(app, portal) as client:
        client.list_templates()
    assert [r for r in caplog.records if r.name.startswith("signly_client")] == []


def test_the_user_agent_names_the_client_python_and_httpx(app: Any, portal: BlockingPortal) -> None:
    seen: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["User-Agent"])
        return httpx.Response(200, json={})

    with sync_client(app, portal, httpx_args={"transport": httpx.MockTransport(record)}) as client:
        client.list_templates_detailed()
    version, python, client_httpx = seen[0].split(" ")
    assert version.startswith("signly-client-python/") and version != "signly-client-python/"
    assert python == f"python/{platform.python_version()}"
    assert client_httpx == f"httpx/{httpx.__version__}"


@pytest.mark.parametrize("level", ["debug", "info"])
def test_signly_log_prints_to_stderr(level: str) -> None:
    program = textwrap.dedent(
        """
        import httpx
        from signly_client import SignlyClient

        transport = httpx.MockTransport(
            lambda request: httpx.Response(404, headers={"X-Request-Id": "req_1"}, json={})
        )
        with SignlyClient(
            tenant_id="58bff266-cdad-46db-b373-1b06476146cd", api_key="sk_secret_value",
            base_url="http://x.test", httpx_args={"transport": transport},
        ) as client:
            client.get_template_detailed("0e51e6ee-4643-4381-97e0-5164c00a0142")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        env=clean_environ(SIGNLY_LOG=level),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "GET /v1/templates/0e51e6ee-4643-4381-97e0-5164c00a0142 -> 404" in done.stderr
    assert "request_id=req_1, attempt 1" in done.stderr
    assert ("request headers" in done.stderr) is (level == "debug")
    assert "sk_secret_value" not in done.stderr
