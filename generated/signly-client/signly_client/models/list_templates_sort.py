from typing import Literal

ListTemplatesSort = Literal["-createdAt", "createdAt"]

LIST_TEMPLATES_SORT_VALUES: set[ListTemplatesSort] = {
    "-createdAt",
    "createdAt",
}


def check_list_templates_sort(value: str) -> ListTemplatesSort:
    if value in LIST_TEMPLATES_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TEMPLATES_SORT_VALUES!r}")
