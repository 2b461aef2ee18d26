from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.template_version_envelope import TemplateVersionEnvelope
from ...types import Response


def _get_kwargs(
    template_id: UUID,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/templates/{template_id}/versions/{version}".format(
            template_id=quote(str(template_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

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
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
    """Get one version of a template

     Returns an exact template version, whatever the latest version is.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateVersionEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        version=version,
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
) -> ErrorEnvelope | TemplateVersionEnvelope | None:
    """Get one version of a template

     Returns an exact template version, whatever the latest version is.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateVersionEnvelope
    """

    return sync_detailed(
        template_id=template_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    template_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | TemplateVersionEnvelope]:
    """Get one version of a template

     Returns an exact template version, whatever the latest version is.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateVersionEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | TemplateVersionEnvelope | None:
    """Get one version of a template

     Returns an exact template version, whatever the latest version is.

    Args:
        template_id (UUID):
        version (int): Template version number; the first version is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateVersionEnvelope
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            version=version,
            client=client,
        )
    ).parsed
