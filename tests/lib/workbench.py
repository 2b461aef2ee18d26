"""Helpers of the test bench tests: checking any sandbox answer (simulated ones included,
whatever their status) against the sandbox spec."""

from __future__ import annotations

import re
from typing import Any

import httpx

from signly_sandbox.validation import HTTP_METHODS, SpecDocument


class AnswerCheck:
    """Validates an answer against the schema its operation gives its status (or `default`)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._spec = SpecDocument(document)
        self._routes = []
        for path, item in document["paths"].items():
            pattern = re.compile("^" + re.sub(r"\{[^}/]+\}", "[^/]+", path) + "$")
            self._routes.append((pattern.pattern.count("[^/]+"), pattern, path, item))
        self._routes.sort(key=lambda route: route[0])

    def problems(self, method: str, url_path: str, status: int, body: Any) -> list[str]:
        for _, pattern, path, item in self._routes:
            lowered = method.lower()
            if pattern.match(url_path) and lowered in item and lowered in HTTP_METHODS:
                responses = item[lowered]["responses"]
                key = str(status) if str(status) in responses else "default"
                assert key in responses, f"{method} {path}: {status} is not documented"
                _, where = self._spec.resolve(
                    responses[key], ("paths", path, lowered, "responses", key)
                )
                validator = self._spec.validator((*where, "content", "application/json", "schema"))
                return [
                    f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)
                ]
        raise AssertionError(f"no operation for {method} {url_path}")

    def check(self, response: httpx.Response) -> Any:
        """The parsed body of a conforming answer (with X-Request-Id = meta.request_id)."""
        body = response.json()
        assert response.headers["x-request-id"] == body["meta"]["request_id"]
        request = response.request
        found = self.problems(request.method, request.url.path, response.status_code, body)
        assert not found, f"{request.method} {request.url.path} {response.status_code}: {found}"
        return body
