"""Presigned S3 URLs: bytes round-trip, and tampered or expired URLs are refused."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import pytest

from signly_sandbox.blobs import BlobStore
from signly_sandbox.clock import ManualClock
from signly_sandbox.config import SandboxConfig
from tests.lib.sandbox import create_template

pytestmark = pytest.mark.anyio
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"


async def urls(client: httpx.AsyncClient, version: int = 1) -> tuple[str, str]:
    template_id = (await create_template(client))["templateId"]
    upload = await client.post(f"/v1/templates/{template_id}/versions/{version}/upload-url")
    assert upload.status_code == 200
    assert upload.json()["data"]["method"] == "PUT"
    assert upload.json()["data"]["expiresInSeconds"] == 900
    download = await client.get(f"/v1/templates/{template_id}/versions/{version}/download-url")
    assert download.status_code == 200
    return upload.json()["data"]["uploadUrl"], download.json()["data"]["downloadUrl"]


def tamper(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query[name] = value
    return parts._replace(query=urlencode(query)).geturl()


async def test_upload_then_download_same_bytes(tenant_a: httpx.AsyncClient) -> None:
    upload_url, download_url = await urls(tenant_a)
    assert (
        httpx.put(upload_url, content=PDF, headers={"Content-Type": "application/pdf"}).status_code
        == 200
    )
    downloaded = httpx.get(download_url)
    assert downloaded.status_code == 200
    assert downloaded.content == PDF


async def test_tampered_urls_are_refused(tenant_a: httpx.AsyncClient) -> None:
    upload_url, download_url = await urls(tenant_a)
    httpx.put(upload_url, content=PDF)
    other_key = urlsplit(download_url)._replace(
        path=urlsplit(download_url).path.replace("0001", "0002")
    )
    bad = [
        tamper(download_url, "X-Amz-Signature", "0" * 64),
        tamper(download_url, "X-Amz-Expires", "604800"),
        other_key.geturl(),
        download_url.split("?")[0],
    ]
    for url in bad:
        response = httpx.get(url)
        assert response.status_code == 403, url
        assert b"AccessDenied" in response.content
    overwrite = httpx.put(tamper(upload_url, "X-Amz-Signature", "1" * 64), content=b"evil")
    assert overwrite.status_code == 403
    assert httpx.get(download_url).content == PDF


async def test_unknown_version_has_no_urls(tenant_a: httpx.AsyncClient) -> None:
    template_id = (await create_template(tenant_a))["templateId"]
    response = await tenant_a.post(f"/v1/templates/{template_id}/versions/3/upload-url")
    assert response.status_code == 404


@pytest.fixture
def gate_clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def short_lived_s3(config: SandboxConfig, gate_clock: ManualClock) -> Iterator[BlobStore]:
    blobs = BlobStore.start_local(
        config.s3_bucket,
        config.s3_region,
        config.s3_access_key,
        config.s3_secret_key,
        expires_seconds=60,
        clock=gate_clock,
    )
    yield blobs
    blobs.close()


def test_expired_urls_are_refused(short_lived_s3: BlobStore, gate_clock: ManualClock) -> None:
    key = "t/expiry.pdf"
    upload_url = short_lived_s3.upload_url(key)
    download_url = short_lived_s3.download_url(key)
    assert httpx.put(upload_url, content=PDF).status_code == 200
    assert httpx.get(download_url).content == PDF
    gate_clock.advance(61)
    expired = httpx.get(download_url)
    assert expired.status_code == 403
    assert b"expired" in expired.content
    assert httpx.put(upload_url, content=b"late").status_code == 403


async def test_external_s3_endpoint(config: SandboxConfig, sandbox_spec: dict[str, object]) -> None:
    """`--s3-endpoint-url`: presigned URLs point at the given S3-compatible store."""
    from moto.server import ThreadedMotoServer

    from signly_sandbox import create_app
    from tests.lib.sandbox import BASE_URL, PARTNER_A

    external = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    external.start()
    try:
        host, port = external.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        app = create_app(
            SandboxConfig(s3_endpoint_url=endpoint, s3_bucket="external-bucket"), spec=sandbox_spec
        )
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            client.headers.update(PARTNER_A)
            upload_url, download_url = await urls(client)
        assert upload_url.startswith(f"{endpoint}/external-bucket/")
        assert httpx.put(upload_url, content=PDF).status_code == 200
        assert httpx.get(download_url).content == PDF
    finally:
        external.stop()
