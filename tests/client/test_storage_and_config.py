"""PDF upload/download helpers through presigned URLs; configuration from arguments and the
environment; the admin client's session header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from anyio.from_thread import BlockingPortal
from signly_client import (
    AsyncSignlyAdminClient,
    AsyncSignlyClient,
    SignlyAdminClient,
    SignlyClient,
    StorageError,
)
from signly_client.models import TemplateInput

from signly_sandbox.config import PAGE_ADMIN_TOKEN, PAGE_API_KEY, PAGE_TENANT_ID
from tests.lib.client import BASE_URL, PDF, PortalTransport


def test_upload_and_download_a_template_pdf(client: SignlyClient, tmp_path: Path) -> None:
    template_id = client.create_template(body=TemplateInput(template_name="PDF")).data.template_id
    with pytest.raises(StorageError) as nothing_yet:
        client.download_template_pdf(template_id, 1)
    assert nothing_yet.value.status == 404 and nothing_yet.value.code == "NoSuchKey"

    target = client.upload_template_pdf(template_id, 1, PDF)
    assert target.method == "PUT" and target.expires_in_seconds > 0
    assert client.download_template_pdf(template_id, 1) == PDF

    path = tmp_path / "contract.pdf"
    path.write_bytes(PDF + b"v2")
    client.upload_template_pdf(str(template_id), 1, path)
    assert client.download_template_pdf(template_id, 1) == PDF + b"v2"
    with path.open("rb") as stream:
        client.upload_template_pdf(template_id, 1, stream)
    assert client.download_template_pdf(template_id, 1) == PDF + b"v2"


def test_a_refused_upload_is_a_storage_error(client: SignlyClient) -> None:
    template_id = client.create_template(body=TemplateInput(template_name="PDF")).data.template_id
    url = client.create_template_upload_url(template_id, 1).data.upload_url
    with pytest.raises(StorageError) as refused:
        client._put_pdf(url.replace("Signature=", "Signature=0"), PDF)
    assert refused.value.status == 403


@pytest.mark.anyio
async def test_async_upload_and_download(aclient: AsyncSignlyClient) -> None:
    created = await aclient.create_template(body=TemplateInput(template_name="PDF"))
    await aclient.upload_template_pdf(created.data.template_id, 1, PDF)
    assert await aclient.download_template_pdf(created.data.template_id, 1) == PDF


def test_configuration_from_the_environment(
    app: Any, portal: BlockingPortal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGNLY_TENANT_ID", PAGE_TENANT_ID)
    monkeypatch.setenv("SIGNLY_API_KEY", PAGE_API_KEY)
    monkeypatch.setenv("SIGNLY_BASE_URL", BASE_URL)
    with SignlyClient(httpx_args={"transport": PortalTransport(app, portal)}) as client:
        assert client.list_templates().meta.tenant_id is not None
        http = client.generated.get_httpx_client()
        assert str(http.base_url) == BASE_URL
        assert http.headers["X-Tenant-Signly"] == PAGE_TENANT_ID
        assert http.headers["X-Auth-Signly"] == PAGE_API_KEY
        assert http.timeout == httpx.Timeout(30.0, connect=5.0)


def test_missing_credentials_and_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SIGNLY_TENANT_ID", "SIGNLY_API_KEY", "SIGNLY_BASE_URL", "SIGNLY_ADMIN_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError, match="SIGNLY_API_KEY"):
        SignlyClient(tenant_id=PAGE_TENANT_ID)
    with pytest.raises(ValueError, match="SIGNLY_TENANT_ID"):
        AsyncSignlyClient(api_key=PAGE_API_KEY)
    with pytest.raises(ValueError, match="SIGNLY_ADMIN_TOKEN"):
        SignlyAdminClient()
    client = SignlyClient(tenant_id=PAGE_TENANT_ID, api_key=PAGE_API_KEY, timeout=3)
    http = client.generated.get_httpx_client()
    assert str(http.base_url) == "https://api.signly.apologs.com"
    assert http.timeout == httpx.Timeout(3)
    assert client.retry_policy.max_retries == 2
    client.close()


def test_admin_client_sends_the_session_as_bearer(admin: SignlyAdminClient) -> None:
    http = admin.generated.get_httpx_client()
    assert http.headers["X-Auth-Signly"] == f"Bearer {PAGE_ADMIN_TOKEN}"
    assert "X-Tenant-Signly" not in http.headers
    assert admin.get_api_integration().data.key_id


@pytest.mark.anyio
async def test_async_admin(aadmin: AsyncSignlyAdminClient) -> None:
    configuration = await aadmin.get_api_integration()
    assert configuration.data.auth_method == "KEY"
