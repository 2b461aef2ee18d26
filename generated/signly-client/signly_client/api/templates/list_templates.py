from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.sort_order import SortOrder
from ...models.template_list_envelope import TemplateListEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/templates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TemplateListEnvelope:
    if response.status_code == 200:
        response_200 = TemplateListEnvelope.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | TemplateListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> Response[ErrorEnvelope | TemplateListEnvelope]:
    """List templates

     Returns the latest version of each template of the tenant, a page at a time, with the same `limit`,
    `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
    `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (SortOrder | Unset): List order by creation time, `createdAt` oldest first or
            `-createdAt` newest first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateListEnvelope]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> ErrorEnvelope | TemplateListEnvelope | None:
    """List templates

     Returns the latest version of each template of the tenant, a page at a time, with the same `limit`,
    `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
    `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (SortOrder | Unset): List order by creation time, `createdAt` oldest first or
            `-createdAt` newest first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateListEnvelope
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> Response[ErrorEnvelope | TemplateListEnvelope]:
    """List templates

     Returns the latest version of each template of the tenant, a page at a time, with the same `limit`,
    `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
    `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (SortOrder | Unset): List order by creation time, `createdAt` oldest first or
            `-createdAt` newest first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateListEnvelope]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> ErrorEnvelope | TemplateListEnvelope | None:
    """List templates

     Returns the latest version of each template of the tenant, a page at a time, with the same `limit`,
    `cursor` and `sort` as `GET /v1/documents`. Follow `pagination.nextCursor` while
    `pagination.hasMore` is true; a `pagination` of `null` means the answer holds the whole list.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        sort (SortOrder | Unset): List order by creation time, `createdAt` oldest first or
            `-createdAt` newest first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
