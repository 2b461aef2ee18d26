from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.template_field import TemplateField
from ...models.template_fields_updated_envelope import TemplateFieldsUpdatedEnvelope
from ...types import Response


def _get_kwargs(
    template_id: UUID,
    *,
    body: list[TemplateField],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/templates/{template_id}/fields".format(
            template_id=quote(str(template_id), safe=""),
        ),
    }

    _kwargs["json"] = []
    for componentsschemas_template_field_list_item_data in body:
        componentsschemas_template_field_list_item = componentsschemas_template_field_list_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_template_field_list_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TemplateFieldsUpdatedEnvelope:
    if response.status_code == 200:
        response_200 = TemplateFieldsUpdatedEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | TemplateFieldsUpdatedEnvelope]:
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
    body: list[TemplateField],
) -> Response[ErrorEnvelope | TemplateFieldsUpdatedEnvelope]:
    """Replace the signable fields of a template

     Overwrites the field definition of the template's latest version with the list sent (an empty list
    removes every field). It does not create a version. `page`, `x` and `y` are optional and stored; the
    answer lists each field's name, type and page, and `GET .../fields` returns every property stored.

    Args:
        template_id (UUID):
        body (list[TemplateField]): The fields of the template's latest version, replacing the
            ones stored (an empty list removes them all).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateFieldsUpdatedEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: list[TemplateField],
) -> ErrorEnvelope | TemplateFieldsUpdatedEnvelope | None:
    """Replace the signable fields of a template

     Overwrites the field definition of the template's latest version with the list sent (an empty list
    removes every field). It does not create a version. `page`, `x` and `y` are optional and stored; the
    answer lists each field's name, type and page, and `GET .../fields` returns every property stored.

    Args:
        template_id (UUID):
        body (list[TemplateField]): The fields of the template's latest version, replacing the
            ones stored (an empty list removes them all).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateFieldsUpdatedEnvelope
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: list[TemplateField],
) -> Response[ErrorEnvelope | TemplateFieldsUpdatedEnvelope]:
    """Replace the signable fields of a template

     Overwrites the field definition of the template's latest version with the list sent (an empty list
    removes every field). It does not create a version. `page`, `x` and `y` are optional and stored; the
    answer lists each field's name, type and page, and `GET .../fields` returns every property stored.

    Args:
        template_id (UUID):
        body (list[TemplateField]): The fields of the template's latest version, replacing the
            ones stored (an empty list removes them all).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TemplateFieldsUpdatedEnvelope]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: list[TemplateField],
) -> ErrorEnvelope | TemplateFieldsUpdatedEnvelope | None:
    """Replace the signable fields of a template

     Overwrites the field definition of the template's latest version with the list sent (an empty list
    removes every field). It does not create a version. `page`, `x` and `y` are optional and stored; the
    answer lists each field's name, type and page, and `GET .../fields` returns every property stored.

    Args:
        template_id (UUID):
        body (list[TemplateField]): The fields of the template's latest version, replacing the
            ones stored (an empty list removes them all).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TemplateFieldsUpdatedEnvelope
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            body=body,
        )
    ).parsed
