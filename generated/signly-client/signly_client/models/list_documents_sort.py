from typing import Literal

ListDocumentsSort = Literal["-createdAt", "createdAt"]

LIST_DOCUMENTS_SORT_VALUES: set[ListDocumentsSort] = {
    "-createdAt",
    "createdAt",
}


def check_list_documents_sort(value: str) -> ListDocumentsSort:
    if value in LIST_DOCUMENTS_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_DOCUMENTS_SORT_VALUES!r}")
