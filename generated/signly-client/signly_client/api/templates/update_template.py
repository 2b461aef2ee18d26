from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.template_input import TemplateInput
from ...models.template_version_envelope import TemplateVersionEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    template_id: UUID,
    *,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/templates/{template_id}".format(
            template_id=quote(str(template_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TemplateVersionEnvelope:
    if response.status_code == 200:
        response_200 = TemplateVersionEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

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
) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
    """Create a new version of a template

     Updates the template's metadata by creating the next version (never reusing a deleted number), on
    which you can then upload an updated PDF. The new version starts with a copy of the previous latest
    version's fields. Although it is a `PUT`, every call creates one more version, so it is not
    idempotent: do not retry it blindly.

    Args:
        template_id (UUID):
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateVersionEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | TemplateVersionEnvelope | None:
    """Create a new version of a template

     Updates the template's metadata by creating the next version (never reusing a deleted number), on
    which you can then upload an updated PDF. The new version starts with a copy of the previous latest
    version's fields. Although it is a `PUT`, every call creates one more version, so it is not
    idempotent: do not retry it blindly.

    Args:
        template_id (UUID):
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateVersionEnvelope
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
    """Create a new version of a template

     Updates the template's metadata by creating the next version (never reusing a deleted number), on
    which you can then upload an updated PDF. The new version starts with a copy of the previous latest
    version's fields. Although it is a `PUT`, every call creates one more version, so it is not
    idempotent: do not retry it blindly.

    Args:
        template_id (UUID):
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateVersionEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplateInput,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | TemplateVersionEnvelope | None:
    """Create a new version of a template

     Updates the template's metadata by creating the next version (never reusing a deleted number), on
    which you can then upload an updated PDF. The new version starts with a copy of the previous latest
    version's fields. Although it is a `PUT`, every call creates one more version, so it is not
    idempotent: do not retry it blindly.

    Args:
        template_id (UUID):
        idempotency_key (str | Unset):
        body (TemplateInput): Template metadata, sent to create a template (version 1) and to
            create each new version. `description` is accepted on update too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateVersionEnvelope
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
