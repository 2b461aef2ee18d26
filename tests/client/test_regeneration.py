"""A new operation in the spec gets a typed method, typed errors and (as a cursor-paginated
list) an `iter_*` method after regeneration, with no hand edit.

The test adds `GET /v1/templates/{templateId}/documents` (list_template_documents) to a
scratch copy of spec/, regenerates into tmp_path with `python -m scripts.pipeline.generate`, and
drives the new package in a subprocess against a mock server of that operation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ

NEW_PATH = """\
parameters:
  - $ref: ../components/parameters/TemplateId.yaml
get:
  operationId: list_template_documents
  summary: List the documents published from a template
  description: A page at a time; follow `pagination.nextCursor` until it is `null`.
  tags: [templates]
  security:
    - partnerTenant: []
      partnerKey: []
  parameters:
    - $ref: ../components/parameters/Limit.yaml
    - $ref: ../components/parameters/Cursor.yaml
    - $ref: ../components/parameters/Sort.yaml
  responses:
    '200':
      description: A page of documents.
      headers:
        X-Request-Id:
          $ref: ../components/headers/XRequestId.yaml
      content:
        application/json:
          schema:
            $ref: ../components/schemas/DocumentListEnvelope.yaml
    '400':
      $ref: ../components/responses/InvalidListQuery.yaml
    '401':
      $ref: ../components/responses/Unauthorized.yaml
    '403':
      $ref: ../components/responses/Forbidden.yaml
    '404':
      $ref: ../components/responses/TemplateNotFound.yaml
    '429':
      $ref: ../components/responses/TooManyRequests.yaml
"""

# Run with the regenerated package first on sys.path: a mock server of the new operation
# (four pages for one template, a 404 envelope for any other), then the generated methods.
DRIVER = textwrap.dedent(
    """
    import json, sys
    import httpx
    import signly_client
    from signly_client import OPERATIONS, NotFoundError, SignlyClient

    assert signly_client.__file__.startswith(sys.argv[1]), signly_client.__file__
    KNOWN = "11111111-2222-4333-8444-555555555555"
    META = {"request_id": "req_1", "timestamp": "2026-04-23T15:00:00Z", "api_version": "v1",
            "tenant_id": None}

    def doc(n):
        return {"documentId": f"00000000-0000-4000-8000-{n:012d}", "status": "CREATED",
                "createdAt": "2026-04-23T15:00:00Z", "templateId": KNOWN}

    def server(request):
        if request.url.path != f"/v1/templates/{KNOWN}/documents":
            return httpx.Response(404, json={
                "success": False, "status": 404, "code": "not_found",
                "message": "Template not found.", "data": None, "pagination": None,
                "meta": META, "error": {"type": "not_found", "details": {"templateId": "x"}}})
        start = int(request.url.params.get("cursor", "0"))
        limit = int(request.url.params["limit"])
        end = min(start + limit, 10)
        more = end < 10
        return httpx.Response(200, json={
            "success": True, "status": 200, "code": "ok", "message": "ok",
            "data": [doc(n) for n in range(start, end)],
            "pagination": {"limit": limit, "hasMore": more,
                           "nextCursor": str(end) if more else None},
            "meta": META, "error": None})

    operation = OPERATIONS["list_template_documents"]
    assert (operation.method, operation.idempotent, operation.paginated) == ("GET", True, True)
    client = SignlyClient(tenant_id="t", api_key="k", base_url="http://mock",
                          httpx_args={"transport": httpx.MockTransport(server)})
    page = client.list_template_documents(KNOWN, limit=3)
    assert len(page.data) == 3 and page.pagination.next_cursor == "3"
    documents = list(client.iter_template_documents(KNOWN, limit=3))
    assert [int(str(d.document_id)[-12:]) for d in documents] == list(range(10))
    try:
        client.list_template_documents("99999999-2222-4333-8444-555555555555")
    except NotFoundError as error:
        assert (error.status, error.code, error.request_id) == (404, "not_found", "req_1")
        assert error.details == {"templateId": "x"}
    else:
        raise AssertionError("no NotFoundError")
    print("new operation ok")
    """
)


@pytest.mark.slow
def test_a_new_operation_needs_no_hand_edit(tmp_path: Path) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(REPO_ROOT / "spec", spec)
    (spec / "paths" / "v1@templates@{templateId}@documents.yaml").write_text(NEW_PATH)
    root = spec / "openapi.yaml"
    text = root.read_text()
    anchor = "  /v1/documents:\n"
    assert anchor in text
    root.write_text(
        text.replace(
            anchor,
            "  /v1/templates/{templateId}/documents:\n"
            "    $ref: ./paths/v1@templates@{templateId}@documents.yaml\n" + anchor,
        )
    )
    out = tmp_path / "generated"
    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.pipeline.generate",
            "--spec-dir",
            str(spec),
            "--out",
            str(out),
        ],
        cwd=REPO_ROOT,
        env=clean_environ(),
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr

    package = out / "signly-client"
    facade = (package / "signly_client" / "api" / "__init__.py").read_text()
    assert "def iter_template_documents(" in facade
    # Nothing hand-written changed: the runtime and errors are the committed ones.
    for name in ("_runtime.py", "errors.py"):
        assert (package / "signly_client" / name).read_bytes() == (
            REPO_ROOT / "generated" / "signly-client" / "signly_client" / name
        ).read_bytes()

    env = clean_environ(PYTHONPATH=str(package))
    driven = subprocess.run(
        [sys.executable, "-c", DRIVER, str(package)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert driven.returncode == 0, driven.stdout + driven.stderr
    assert "new operation ok" in driven.stdout
