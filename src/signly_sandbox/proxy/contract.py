"""What the validating proxy checks: a request and its response against one operation.

Requests are checked with the sandbox's own compiled validators (routing.compile_operations:
path, query and header parameters, the JSON body); responses against the schema and the
required headers of the status they answer (or the operation's `default`). Every problem
is a `Violation`; nothing here raises for a broken request or answer.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from signly_sandbox.errors import ApiError
from signly_sandbox.routing import Operation, compile_operations
from signly_sandbox.validation import SpecDocument

PACKAGED_PUBLIC_SPEC = Path(__file__).resolve().parents[2] / "signly_contract" / "openapi.yaml"
REPO_PUBLIC_SPEC = Path(__file__).resolve().parents[3] / "generated" / "openapi.yaml"
MAX_SCHEMA_ERRORS = 20
MAX_MESSAGE = 300


def public_spec_path() -> Path:
    """The bundled public spec (in the wheel beside the contract suite, or in a checkout)."""
    for candidate in (PACKAGED_PUBLIC_SPEC, REPO_PUBLIC_SPEC):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no bundled spec at {PACKAGED_PUBLIC_SPEC} or {REPO_PUBLIC_SPEC}")


@dataclass(frozen=True)
class Violation:
    """One way an exchange breaks the contract."""

    where: str  # "request" or "response"
    part: str  # operation, path, query, header, body, status, content-type, headers
    message: str

    def text(self) -> str:
        return f"{self.where} {self.part}: {self.message}"

    def to_json(self) -> dict[str, str]:
        return {"where": self.where, "part": self.part, "message": self.message}


@dataclass(frozen=True)
class ResponseCheck:
    validator: Any | None  # the JSON body's schema; None: no JSON body documented
    headers: tuple[tuple[str, bool, Any, Any], ...]  # (name, required, validator, schema type)


@dataclass(frozen=True)
class OperationContract:
    operation: Operation
    label: str
    responses: dict[str, ResponseCheck]

    @property
    def operation_id(self) -> str:
        return self.operation.operation_id


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


def _pointer(path: Any) -> str:
    return "/" + "/".join(str(token) for token in path)


def _flatten(fields: Any, prefix: str = "") -> list[str]:
    """`validation_error` details as `field.sub: message` lines."""
    if isinstance(fields, dict):
        found = []
        for key, value in fields.items():
            name = key if not prefix else (prefix if key == "_schema" else f"{prefix}.{key}")
            found += _flatten(value, name)
        return found
    if isinstance(fields, list):
        return [f"{prefix or 'body'}: {message}" for message in fields]
    return [f"{prefix}: {fields}"]


class ContractChecker:
    """The contract of every operation of one bundled spec, compiled once."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.spec = SpecDocument(document)
        self._routes: dict[str, list[tuple[re.Pattern[str], OperationContract]]] = {}
        ordered = sorted(
            compile_operations(document), key=lambda op: (op.path.count("{"), -len(op.path))
        )
        for operation in ordered:
            regex = re.sub(r"\\\{([^}/]+)\\\}", r"(?P<\1>[^/]+)", re.escape(operation.path))
            contract = OperationContract(
                operation,
                f"{operation.method} {operation.path}",
                self._responses(document, operation),
            )
            self._routes.setdefault(operation.method, []).append(
                (re.compile(f"^{regex}$"), contract)
            )

    def _responses(
        self, document: dict[str, Any], operation: Operation
    ) -> dict[str, ResponseCheck]:
        method = operation.method.lower()
        where = ("paths", operation.path, method, "responses")
        checks = {}
        for status, raw in document["paths"][operation.path][method]["responses"].items():
            response, response_where = self.spec.resolve(raw, (*where, status))
            media = response.get("content", {}).get("application/json")
            validator = None
            if isinstance(media, dict) and "schema" in media:
                validator = self.spec.validator(
                    (*response_where, "content", "application/json", "schema")
                )
            headers = []
            for name, raw_header in response.get("headers", {}).items():
                header, header_where = self.spec.resolve(
                    raw_header, (*response_where, "headers", name)
                )
                schema_where = (*header_where, "schema")
                headers.append(
                    (
                        str(name),
                        bool(header.get("required", False)),
                        self.spec.validator(schema_where) if "schema" in header else None,
                        self.spec.schema_keyword(schema_where, "type")
                        if "schema" in header
                        else None,
                    )
                )
            checks[str(status)] = ResponseCheck(validator, tuple(headers))
        return checks

    def match(self, method: str, path: str) -> tuple[OperationContract, dict[str, str]] | None:
        wanted = "GET" if method.upper() == "HEAD" else method.upper()
        for regex, contract in self._routes.get(wanted, ()):
            found = regex.match(path)
            if found:
                return contract, found.groupdict()
        return None

    # -- requests -----------------------------------------------------------------------

    def check_request(
        self,
        contract: OperationContract,
        path_params: Mapping[str, str],
        query: Mapping[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> list[Violation]:
        checks = contract.operation.checks
        found: list[Violation] = []
        for part, check in (
            ("path", lambda: checks.check_path(path_params)),
            ("query", lambda: checks.check_query(query)),
            ("header", lambda: checks.check_headers(headers)),
        ):
            try:
                check()
            except ApiError as error:
                found.append(Violation("request", part, _short(_api_error_text(error))))
        if checks.body is not None:
            found += self._request_body(checks, headers, body)
        return found

    @staticmethod
    def _request_body(checks: Any, headers: Mapping[str, str], body: bytes) -> list[Violation]:
        if not body.strip():
            if checks.body_required:
                return [Violation("request", "body", "the body is required")]
            return []
        media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media != "application/json" and not media.endswith("+json"):
            return [Violation("request", "content-type", f"{media or 'none'}, not JSON")]
        try:
            parsed = json.loads(body)
        except ValueError as error:
            return [Violation("request", "body", _short(f"not JSON: {error}"))]
        try:
            checks.check_body(parsed)
        except ApiError as error:
            fields = error.details.get("fields")
            lines = _flatten(fields) if fields is not None else [_api_error_text(error)]
            return [Violation("request", "body", _short(line)) for line in lines]
        return []

    # -- responses ----------------------------------------------------------------------

    def check_response(
        self,
        contract: OperationContract,
        status: int,
        headers: Mapping[str, str],
        body: bytes | None,
    ) -> list[Violation]:
        """`body` is the decoded body, or None when it was not read (not JSON, streamed)."""
        check = contract.responses.get(str(status)) or contract.responses.get("default")
        if check is None:
            listed = ", ".join(sorted(contract.responses))
            return [Violation("response", "status", f"{status} is not documented ({listed})")]
        found = self._headers(check, headers)
        if check.validator is None:
            return found
        media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media != "application/json" and not media.endswith("+json"):
            return [*found, Violation("response", "content-type", f"{media or 'none'}, not JSON")]
        if body is None:
            return [*found, Violation("response", "body", "not validated (not readable)")]
        try:
            parsed = json.loads(body)
        except ValueError as error:
            return [*found, Violation("response", "body", _short(f"not JSON: {error}"))]
        for problem in itertools.islice(check.validator.iter_errors(parsed), MAX_SCHEMA_ERRORS):
            where = _pointer(problem.absolute_path)
            found.append(Violation("response", "body", _short(f"{where}: {problem.message}")))
        return found

    @staticmethod
    def _headers(check: ResponseCheck, headers: Mapping[str, str]) -> list[Violation]:
        found = []
        for name, required, validator, schema_type in check.headers:
            value = headers.get(name.lower())
            if value is None:
                if required:
                    found.append(Violation("response", "headers", f"{name} is missing"))
                continue
            typed: Any = value
            if schema_type == "integer" and re.fullmatch(r"-?\d{1,18}", value.strip()):
                typed = int(value)
            if validator is not None and not validator.is_valid(typed):
                found.append(
                    Violation("response", "headers", _short(f"{name}: {value!r} is not valid"))
                )
        return found


def _api_error_text(error: ApiError) -> str:
    details = error.details
    if "fields" in details:
        return "; ".join(_flatten(details["fields"]))
    return f"{error.message} {json.dumps(details, sort_keys=True)}" if details else error.message
