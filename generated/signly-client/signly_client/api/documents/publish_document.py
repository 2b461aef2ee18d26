from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.publish_document_request import PublishDocumentRequest
from ...models.published_document_envelope import PublishedDocumentEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PublishDocumentRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/documents",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PublishedDocumentEnvelope:
    if response.status_code == 201:
        response_201 = PublishedDocumentEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorEnvelope.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

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
) -> Response[ErrorEnvelope | PublishedDocumentEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PublishDocumentRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | PublishedDocumentEnvelope]:
    """Publish a signing document

     Creates the signing flow from a template version and a participant list: the central operation of a
    partner integration. Each participant gets a `participantId` and a `processId` whose timeline
    `/v1/events/{processId}` returns; `GET /v1/documents/{documentId}` always lists both. Publishing
    costs one credit and is not idempotent by itself: send an `Idempotency-Key` and retry with the same
    key after a timeout, and the retry answers the first document instead of publishing (and charging) a
    second one. A `templateId` or `templateVersion` that is well formed but names nothing is a 404
    naming it.

    Args:
        idempotency_key (str | Unset):
        body (PublishDocumentRequest): Publishes a signing document from one template version to
            its participants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PublishedDocumentEnvelope]
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
    body: PublishDocumentRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | PublishedDocumentEnvelope | None:
    """Publish a signing document

     Creates the signing flow from a template version and a participant list: the central operation of a
    partner integration. Each participant gets a `participantId` and a `processId` whose timeline
    `/v1/events/{processId}` returns; `GET /v1/documents/{documentId}` always lists both. Publishing
    costs one credit and is not idempotent by itself: send an `Idempotency-Key` and retry with the same
    key after a timeout, and the retry answers the first document instead of publishing (and charging) a
    second one. A `templateId` or `templateVersion` that is well formed but names nothing is a 404
    naming it.

    Args:
        idempotency_key (str | Unset):
        body (PublishDocumentRequest): Publishes a signing document from one template version to
            its participants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PublishedDocumentEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PublishDocumentRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | PublishedDocumentEnvelope]:
    """Publish a signing document

     Creates the signing flow from a template version and a participant list: the central operation of a
    partner integration. Each participant gets a `participantId` and a `processId` whose timeline
    `/v1/events/{processId}` returns; `GET /v1/documents/{documentId}` always lists both. Publishing
    costs one credit and is not idempotent by itself: send an `Idempotency-Key` and retry with the same
    key after a timeout, and the retry answers the first document instead of publishing (and charging) a
    second one. A `templateId` or `templateVersion` that is well formed but names nothing is a 404
    naming it.

    Args:
        idempotency_key (str | Unset):
        body (PublishDocumentRequest): Publishes a signing document from one template version to
            its participants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PublishedDocumentEnvelope]
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
    body: PublishDocumentRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | PublishedDocumentEnvelope | None:
    """Publish a signing document

     Creates the signing flow from a template version and a participant list: the central operation of a
    partner integration. Each participant gets a `participantId` and a `processId` whose timeline
    `/v1/events/{processId}` returns; `GET /v1/documents/{documentId}` always lists both. Publishing
    costs one credit and is not idempotent by itself: send an `Idempotency-Key` and retry with the same
    key after a timeout, and the retry answers the first document instead of publishing (and charging) a
    second one. A `templateId` or `templateVersion` that is well formed but names nothing is a 404
    naming it.

    Args:
        idempotency_key (str | Unset):
        body (PublishDocumentRequest): Publishes a signing document from one template version to
            its participants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PublishedDocumentEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
