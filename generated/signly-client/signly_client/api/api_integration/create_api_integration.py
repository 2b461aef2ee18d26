from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_integration_created_envelope import ApiIntegrationCreatedEnvelope
from ...models.create_api_integration_request import CreateApiIntegrationRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: CreateApiIntegrationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiIntegrationCreatedEnvelope | ErrorEnvelope:
    if response.status_code == 201:
        response_201 = ApiIntegrationCreatedEnvelope.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorEnvelope.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorEnvelope.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiIntegrationCreatedEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateApiIntegrationRequest,
) -> Response[ApiIntegrationCreatedEnvelope | ErrorEnvelope]:
    """Create a partner credential

     Generates the credential your backend will send in `X-Auth-Signly`. `KEY` and `HMAC` are open; `JWT`
    exists in the authorizer but is refused here with `invalid_auth_method`. The secret is in this
    response only. A tenant has one credential: while it exists, creating another is a 409
    `api_integration_exists` and the live credential keeps working. To rotate, revoke it with `DELETE
    /api`, then create the new one.

    Args:
        body (CreateApiIntegrationRequest): Asks for a new partner credential for the session's
            tenant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiIntegrationCreatedEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateApiIntegrationRequest,
) -> ApiIntegrationCreatedEnvelope | ErrorEnvelope | None:
    """Create a partner credential

     Generates the credential your backend will send in `X-Auth-Signly`. `KEY` and `HMAC` are open; `JWT`
    exists in the authorizer but is refused here with `invalid_auth_method`. The secret is in this
    response only. A tenant has one credential: while it exists, creating another is a 409
    `api_integration_exists` and the live credential keeps working. To rotate, revoke it with `DELETE
    /api`, then create the new one.

    Args:
        body (CreateApiIntegrationRequest): Asks for a new partner credential for the session's
            tenant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiIntegrationCreatedEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateApiIntegrationRequest,
) -> Response[ApiIntegrationCreatedEnvelope | ErrorEnvelope]:
    """Create a partner credential

     Generates the credential your backend will send in `X-Auth-Signly`. `KEY` and `HMAC` are open; `JWT`
    exists in the authorizer but is refused here with `invalid_auth_method`. The secret is in this
    response only. A tenant has one credential: while it exists, creating another is a 409
    `api_integration_exists` and the live credential keeps working. To rotate, revoke it with `DELETE
    /api`, then create the new one.

    Args:
        body (CreateApiIntegrationRequest): Asks for a new partner credential for the session's
            tenant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiIntegrationCreatedEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateApiIntegrationRequest,
) -> ApiIntegrationCreatedEnvelope | ErrorEnvelope | None:
    """Create a partner credential

     Generates the credential your backend will send in `X-Auth-Signly`. `KEY` and `HMAC` are open; `JWT`
    exists in the authorizer but is refused here with `invalid_auth_method`. The secret is in this
    response only. A tenant has one credential: while it exists, creating another is a 409
    `api_integration_exists` and the live credential keeps working. To rotate, revoke it with `DELETE
    /api`, then create the new one.

    Args:
        body (CreateApiIntegrationRequest): Asks for a new partner credential for the session's
            tenant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiIntegrationCreatedEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
