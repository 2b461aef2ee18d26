"""The one place that builds the documented envelope, for success and error alike."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response

from signly_sandbox.clock import Clock, format_timestamp
from signly_sandbox.errors import ApiError

API_VERSION = "v1"


def meta(request_id: str, tenant_id: str | None, clock: Clock) -> dict[str, Any]:
    return {
        "request_id": request_id,
        "timestamp": format_timestamp(clock.now()),
        "api_version": API_VERSION,
        "tenant_id": tenant_id,
    }


def json_response(
    body: dict[str, Any], status: int, request_id: str, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        orjson.dumps(body),
        status_code=status,
        headers={"X-Request-Id": request_id, **(headers or {})},
        media_type="application/json",
    )


def success_response(
    *,
    status: int,
    code: str,
    message: str,
    data: Any,
    pagination: dict[str, Any] | None,
    request_id: str,
    tenant_id: str | None,
    clock: Clock,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {
        "success": True,
        "status": status,
        "code": code,
        "message": message,
        "data": data,
        "pagination": pagination,
        "meta": meta(request_id, tenant_id, clock),
        "error": None,
    }
    return json_response(body, status, request_id, headers)


def error_response(
    error: ApiError, *, request_id: str, tenant_id: str | None, clock: Clock
) -> Response:
    body = {
        "success": False,
        "status": error.status,
        "code": error.error_code,
        "message": error.message,
        "data": None,
        "pagination": None,
        "meta": meta(request_id, tenant_id, clock),
        "error": {"type": error.error_type, "details": error.details},
    }
    return json_response(body, error.status, request_id, error.headers)
