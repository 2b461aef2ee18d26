from typing import Literal

OrderMode = Literal["PARALLEL", "SEQUENTIAL"]

ORDER_MODE_VALUES: set[OrderMode] = {
    "PARALLEL",
    "SEQUENTIAL",
}


def check_order_mode(value: str) -> OrderMode:
    if value in ORDER_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORDER_MODE_VALUES!r}")
