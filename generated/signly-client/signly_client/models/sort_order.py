from typing import Literal

SortOrder = Literal["-createdAt", "createdAt"]

SORT_ORDER_VALUES: set[SortOrder] = {
    "-createdAt",
    "createdAt",
}


def check_sort_order(value: str) -> SortOrder:
    if value in SORT_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SORT_ORDER_VALUES!r}")
