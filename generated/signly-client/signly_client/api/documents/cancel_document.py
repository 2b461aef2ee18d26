from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cancelled_document_envelope import CancelledDocumentEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    document_id: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/documents/{document_id}/cancel".format(
            document_id=quote(str(document_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelledDocumentEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CancelledDocumentEnvelope.from_dict(response.json())

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
) -> Response[CancelledDocumentEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[CancelledDocumentEnvelope | ErrorEnvelope]:
    """Cancel a document

     Stops an active signing flow: the document becomes `CANCELLED` and its pending participants can no
    longer act. Cancelling a document that is not active is a 409; a retry with the `Idempotency-Key` of
    a cancel that succeeded answers that success again.

    Args:
        document_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelledDocumentEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        document_id=document_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> CancelledDocumentEnvelope | ErrorEnvelope | None:
    """Cancel a document

     Stops an active signing flow: the document becomes `CANCELLED` and its pending participants can no
    longer act. Cancelling a document that is not active is a 409; a retry with the `Idempotency-Key` of
    a cancel that succeeded answers that success again.

    Args:
        document_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelledDocumentEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        document_id=document_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[CancelledDocumentEnvelope | ErrorEnvelope]:
    """Cancel a document

     Stops an active signing flow: the document becomes `CANCELLED` and its pending participants can no
    longer act. Cancelling a document that is not active is a 409; a retry with the `Idempotency-Key` of
    a cancel that succeeded answers that success again.

    Args:
        document_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelledDocumentEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        document_id=document_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    document_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> CancelledDocumentEnvelope | ErrorEnvelope | None:
    """Cancel a document

     Stops an active signing flow: the document becomes `CANCELLED` and its pending participants can no
    longer act. Cancelling a document that is not active is a 409; a retry with the `Idempotency-Key` of
    a cancel that succeeded answers that success again.

    Args:
        document_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelledDocumentEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            document_id=document_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
