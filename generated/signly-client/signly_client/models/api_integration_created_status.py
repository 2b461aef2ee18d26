from typing import Literal

ApiIntegrationCreatedStatus = Literal["ACTIVE"]

API_INTEGRATION_CREATED_STATUS_VALUES: set[ApiIntegrationCreatedStatus] = {
    "ACTIVE",
}


def check_api_integration_created_status(value: str) -> ApiIntegrationCreatedStatus:
    if value in API_INTEGRATION_CREATED_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_INTEGRATION_CREATED_STATUS_VALUES!r}")
