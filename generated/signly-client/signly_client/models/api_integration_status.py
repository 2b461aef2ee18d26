from typing import Literal

ApiIntegrationStatus = Literal["ACTIVE"]

API_INTEGRATION_STATUS_VALUES: set[ApiIntegrationStatus] = {
    "ACTIVE",
}


def check_api_integration_status(value: str) -> ApiIntegrationStatus:
    if value in API_INTEGRATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_INTEGRATION_STATUS_VALUES!r}")
