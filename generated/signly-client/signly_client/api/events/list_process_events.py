from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.process_event_list_envelope import ProcessEventListEnvelope
from ...types import Response


def _get_kwargs(
    process_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events/{process_id}".format(
            process_id=quote(str(process_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ProcessEventListEnvelope:
    if response.status_code == 200:
        response_200 = ProcessEventListEnvelope.from_dict(response.json())

        return response_200

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
) -> Response[ErrorEnvelope | ProcessEventListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | ProcessEventListEnvelope]:
    """List a process's events

     Returns the chronological timeline of one participant's process, `PROCESS_CREATED` first: the
    targeted lookup to reconstruct evidence beyond what webhooks delivered. Not paginated: every event
    is in this answer (`pagination` is `null`).

    Args:
        process_id (str): Identifier of one participant's signing process. Signly forms it as
            `<documentId>-<participantId>`, but clients must treat it as opaque.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ProcessEventListEnvelope]
    """

    kwargs = _get_kwargs(
        process_id=process_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | ProcessEventListEnvelope | None:
    """List a process's events

     Returns the chronological timeline of one participant's process, `PROCESS_CREATED` first: the
    targeted lookup to reconstruct evidence beyond what webhooks delivered. Not paginated: every event
    is in this answer (`pagination` is `null`).

    Args:
        process_id (str): Identifier of one participant's signing process. Signly forms it as
            `<documentId>-<participantId>`, but clients must treat it as opaque.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ProcessEventListEnvelope
    """

    return sync_detailed(
        process_id=process_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | ProcessEventListEnvelope]:
    """List a process's events

     Returns the chronological timeline of one participant's process, `PROCESS_CREATED` first: the
    targeted lookup to reconstruct evidence beyond what webhooks delivered. Not paginated: every event
    is in this answer (`pagination` is `null`).

    Args:
        process_id (str): Identifier of one participant's signing process. Signly forms it as
            `<documentId>-<participantId>`, but clients must treat it as opaque.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ProcessEventListEnvelope]
    """

    kwargs = _get_kwargs(
        process_id=process_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | ProcessEventListEnvelope | None:
    """List a process's events

     Returns the chronological timeline of one participant's process, `PROCESS_CREATED` first: the
    targeted lookup to reconstruct evidence beyond what webhooks delivered. Not paginated: every event
    is in this answer (`pagination` is `null`).

    Args:
        process_id (str): Identifier of one participant's signing process. Signly forms it as
            `<documentId>-<participantId>`, but clients must treat it as opaque.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ProcessEventListEnvelope
    """

    return (
        await asyncio_detailed(
            process_id=process_id,
            client=client,
        )
    ).parsed
