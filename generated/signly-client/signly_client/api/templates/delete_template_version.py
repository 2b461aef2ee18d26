from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.deleted_envelope import DeletedEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    template_id: UUID,
    version: int,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/templates/{template_id}/versions/{version}".format(
            template_id=quote(str(template_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeletedEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = DeletedEnvelope.from_dict(response.json())

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
) -> Response[DeletedEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[DeletedEnvelope | ErrorEnvelope]:
    """Delete one version of a template

     Deletes one version without touching the rest of the history. Deleting the latest version makes the
    previous one latest; the only remaining version cannot be deleted (delete the template instead).
    Numbers are never reused.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletedEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        version=version,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> DeletedEnvelope | ErrorEnvelope | None:
    """Delete one version of a template

     Deletes one version without touching the rest of the history. Deleting the latest version makes the
    previous one latest; the only remaining version cannot be deleted (delete the template instead).
    Numbers are never reused.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletedEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        template_id=template_id,
        version=version,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    template_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[DeletedEnvelope | ErrorEnvelope]:
    """Delete one version of a template

     Deletes one version without touching the rest of the history. Deleting the latest version makes the
    previous one latest; the only remaining version cannot be deleted (delete the template instead).
    Numbers are never reused.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletedEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        version=version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> DeletedEnvelope | ErrorEnvelope | None:
    """Delete one version of a template

     Deletes one version without touching the rest of the history. Deleting the latest version makes the
    previous one latest; the only remaining version cannot be deleted (delete the template instead).
    Numbers are never reused.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletedEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            version=version,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
