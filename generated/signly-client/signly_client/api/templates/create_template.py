from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.template_created_envelope import TemplateCreatedEnvelope
from ...models.template_input import TemplateInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/templates",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TemplateCreatedEnvelope:
    if response.status_code == 201:
        response_201 = TemplateCreatedEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ErrorEnvelope.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorEnvelope.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | TemplateCreatedEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | TemplateCreatedEnvelope]:
    """Create a template

     Creates a template at version 1. Then request a presigned URL to upload the PDF for that version.

    Args:
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateCreatedEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | TemplateCreatedEnvelope | None:
    """Create a template

     Creates a template at version 1. Then request a presigned URL to upload the PDF for that version.

    Args:
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateCreatedEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | TemplateCreatedEnvelope]:
    """Create a template

     Creates a template at version 1. Then request a presigned URL to upload the PDF for that version.

    Args:
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateCreatedEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | TemplateCreatedEnvelope | None:
    """Create a template

     Creates a template at version 1. Then request a presigned URL to upload the PDF for that version.

    Args:
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateCreatedEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
