"""Validation as the pipeline runs it: shared documents, deferred imports, two processes."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from scripts.pipeline.bundle import dereference
from scripts.pipeline.parallel import Task, run_tasks
from scripts.pipeline.validate_spec import SpecInvalid, validate_bundled
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ

BAD_PART = {
    "allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}],
    "required": ["missing"],
}


def _document_using(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` is a component, first met inside a property of an answer, then on its own."""
    answer = {"type": "object", "properties": {"inner": {"$ref": "#/components/schemas/Bad"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": answer}},
                        }
                    }
                }
            }
        },
        "components": {"schemas": {"Bad": schema}},
    }


def test_a_shared_schema_is_still_checked_where_it_stands_alone() -> None:
    """openapi-spec-validator meets `Bad` first inside a property, where `required` may name
    what another part defines; alone under components it is an error, in every copy."""
    document = dereference(_document_using(BAD_PART))
    schemas = document["components"]["schemas"]
    assert (
        schemas["Bad"]
        is document["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]["properties"]["inner"]
    )  # shared by dereference
    with pytest.raises(SpecInvalid, match="Required list has not defined properties"):
        validate_bundled(document, "dereferenced")
    fixed = {**BAD_PART, "required": ["a"]}
    validate_bundled(dereference(_document_using(fixed)), "dereferenced")


def test_iri_formats_are_still_checked_after_the_deferred_import() -> None:
    code = (
        "import sys\n"
        "from scripts.pipeline.validate_spec import load_validators\n"
        "load_validators()\n"
        "assert 'rfc3987_syntax.syntax_helpers' not in sys.modules\n"
        "from jsonschema import FormatChecker\n"
        "checker = FormatChecker()\n"
        "assert checker.conforms('https://example.com/ü', 'iri')\n"
        "assert not checker.conforms('::not an iri', 'iri')\n"
        "assert checker.conforms('../ü', 'iri-reference')\n"
        "assert 'rfc3987_syntax.syntax_helpers' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=clean_environ(PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


class Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("cannot cross")
        self.handle = lambda: None

    def __reduce__(self) -> Any:
        raise TypeError("no")


def _fail(error: Exception) -> None:
    raise error


def test_tasks_report_their_errors_in_order_wherever_they_ran() -> None:
    calls: list[str] = []
    errors = run_tasks(
        [
            Task("forked ok", lambda: None, forked=True),
            Task("forked fails", lambda: _fail(SpecInvalid("there")), forked=True),
            Task("here fails", lambda: _fail(SpecInvalid("here"))),
            Task("forked odd", lambda: _fail(Unpicklable()), forked=True),
            Task("here ok", lambda: calls.append("here")),
        ],
        after_fork=lambda: calls.append("after fork"),
    )
    assert calls == ["after fork", "here"]
    assert errors[0] is None and errors[4] is None
    assert isinstance(errors[1], SpecInvalid) and str(errors[1]) == "there"
    assert isinstance(errors[2], SpecInvalid) and str(errors[2]) == "here"
    assert isinstance(errors[3], RuntimeError) and "Unpicklable" in str(errors[3])


def test_without_fork_every_task_runs_here_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    calls: list[str] = []
    errors = run_tasks(
        [
            Task("a", lambda: calls.append("a"), forked=True),
            Task("b", lambda: _fail(SpecInvalid("b"))),
            Task("c", lambda: calls.append("c"), forked=True),
        ],
        after_fork=lambda: calls.append("after fork"),
    )
    assert calls == ["after fork", "a", "c"]
    assert errors[0] is None and isinstance(errors[1], SpecInvalid) and errors[2] is None
