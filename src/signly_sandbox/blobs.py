"""Template PDFs live in S3: the sandbox only hands out real presigned URLs (boto3).

By default it starts moto's S3 server in process on a free loopback port, behind
`PresignGate` (moto itself accepts tampered and expired presigned URLs); `--s3-endpoint-url`
points it at any S3-compatible store instead, which then enforces signatures itself.

With the in-process store, URLs are signed at the sandbox clock's time and the gate checks
their expiry against the same clock, so a URL ages when the sandbox clock is moved. An
external store checks expiry against its own clock: its URLs are signed at real time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

import boto3
from botocore.auth import SIGV4_TIMESTAMP, S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import WSGIRequestHandler, make_server

from signly_sandbox.clock import Clock, SystemClock
from signly_sandbox.presign_gate import PresignGate

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class BlobKey(NamedTuple):
    """One PDF per template version, kept under its tenant's prefix."""

    tenant_id: str
    template_id: str
    version: int

    @property
    def object_key(self) -> str:
        return f"{self.tenant_id}/{self.template_id}/{self.version:04d}.pdf"


class _QuietHandler(WSGIRequestHandler):
    """The S3 server's per-request log lines would drown the sandbox's own output."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


class GatedMotoServer(ThreadedMotoServer):
    """moto's threaded S3 server with signature and expiry checks in front of it."""

    def __init__(self, access_key: str, secret_key: str, clock: Clock | None = None) -> None:
        super().__init__(ip_address="127.0.0.1", port=0, verbose=False)
        self.gate: PresignGate | None = None
        self._keys = (access_key, secret_key)
        self._clock = clock or SystemClock()

    def _server_entry(self) -> None:
        self.gate = PresignGate(
            DomainDispatcherApplication(create_backend_app), *self._keys, clock=self._clock
        )
        self._server = make_server(
            self._ip_address, self._port, self.gate, threaded=True, request_handler=_QuietHandler
        )
        self._server_ready_event.set()
        # stop() waits for the loop to look at its flag: every 0.5 s by default, which made
        # each sandbox shutdown (every embedded target of the tests) take ~0.35 s more.
        self._server.serve_forever(poll_interval=0.05)

    @property
    def endpoint_url(self) -> str:
        host, port = self.get_host_and_port()
        return f"http://{host}:{port}"


class _ClockedQueryAuth(S3SigV4QueryAuth):
    """botocore's presigner, signing at a given clock's time instead of the system's."""

    def __init__(self, credentials: Credentials, region: str, expires: int, clock: Clock) -> None:
        super().__init__(credentials, "s3", region, expires=expires)
        self._clock = clock

    def add_auth(self, request: AWSRequest) -> None:
        request.context["timestamp"] = self._clock.now().strftime(SIGV4_TIMESTAMP)
        signer: Any = self  # botocore's stubs leave out the steps `add_auth` is made of
        signer._modify_request_before_signing(request)
        canonical = self.canonical_request(request)
        signature = self.signature(self.string_to_sign(request, canonical), request)
        signer._inject_signature_to_request(request, signature)


class BlobStore:
    """Presigns PUT/GET URLs for one object per template version (at `clock`'s time when
    given: the in-process store, whose gate checks expiry against the same clock)."""

    def __init__(
        self,
        endpoint_url: str,
        bucket: str,
        region: str,
        access_key: str,
        secret_key: str,
        expires_seconds: int,
        server: GatedMotoServer | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.endpoint_url = endpoint_url
        self.bucket = bucket
        self.expires_seconds = expires_seconds
        self.server = server
        self.region = region
        self._signer = (
            None
            if clock is None
            else _ClockedQueryAuth(
                Credentials(access_key, secret_key), region, expires_seconds, clock
            )
        )
        self.client: S3Client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )
        self._ensure_bucket()

    @classmethod
    def start_local(
        cls,
        bucket: str,
        region: str,
        access_key: str,
        secret_key: str,
        expires_seconds: int,
        clock: Clock | None = None,
    ) -> BlobStore:
        server = GatedMotoServer(access_key, secret_key, clock)
        server.start()
        return cls(
            server.endpoint_url,
            bucket,
            region,
            access_key,
            secret_key,
            expires_seconds,
            server,
            clock,
        )

    def _ensure_bucket(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError:
            self.client.create_bucket(Bucket=self.bucket)

    def upload_url(self, key: str) -> str:
        return self._presign("put_object", key)

    def download_url(self, key: str) -> str:
        return self._presign("get_object", key)

    def _presign(self, operation: str, key: str) -> str:
        if self._signer is not None:
            method = "PUT" if operation == "put_object" else "GET"
            url = f"{self.endpoint_url}/{quote(self.bucket)}/{quote(key)}"
            request = AWSRequest(method=method, url=url)
            self._signer.add_auth(request)
            return str(request.url)
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        return self.client.generate_presigned_url(
            operation, Params=params, ExpiresIn=self.expires_seconds
        )

    def put(self, key: str, body: bytes, content_type: str = "application/pdf") -> None:
        """Store an object directly (the sandbox's own fixtures)."""
        self.client.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type)

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
