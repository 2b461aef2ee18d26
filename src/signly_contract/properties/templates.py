"""Template versions, fields and PDF storage (D05, D15, D16, D28).

Why a model-based version test: the version rules (never reuse a number, latest falls back,
the last one cannot go) are about sequences of operations, so hypothesis draws a sequence
and the test keeps the model of which versions must exist.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from signly_contract.properties.base import Ctx, new_template, ok
from signly_contract.violations import expect

FIELD = st.fixed_dictionaries(
    {
        "fieldName": st.from_regex(r"[A-Za-z0-9_.-]{1,20}", fullmatch=True),
        "fieldType": st.sampled_from(["SIGNATURE", "TEXT", "DATE", "INITIALS"]),
    },
    optional={
        "page": st.integers(1, 50),
        "x": st.integers(0, 2000) | st.floats(0, 2000).map(lambda v: round(v, 2)),
        "y": st.integers(0, 2000),
    },
)
ACTION = st.sampled_from(["put", "put", "delete_latest", "delete_other", "delete_missing"])


def versions(ctx: Ctx) -> None:
    """PUT makes max(ever)+1; latest, history and per-version reads agree with the model."""

    @ctx.given(
        share=0.2,
        actions=st.lists(ACTION, min_size=1, max_size=6),
        examples=({"actions": ["put", "put", "delete_other", "delete_latest", "delete_latest"]},),
    )
    def check(actions: list[str]) -> None:
        template = new_template(ctx, "Versions")
        base = f"/v1/templates/{template['templateId']}"
        alive, highest = [1], 1
        for action in actions:
            if action == "put":
                got = ctx.api.call("PUT", base, json_body={"templateName": f"v{highest + 1}"})
                number = ok(got, "versions.next_number", 200).get("version")
                expect(
                    number == highest + 1,
                    "versions.next_number",
                    f"PUT after version {highest} created version {number}",
                    got,
                )
                highest = int(number)
                alive.append(highest)
            elif action == "delete_missing":
                gone = highest + 1
                got = ctx.api.call("DELETE", f"{base}/versions/{gone}")
                expect(
                    got.status == 404,
                    "versions.lookup",
                    f"deleting never-made version {gone}: {got.status}",
                    got,
                )
            else:
                victim = alive[-1] if action == "delete_latest" else alive[0]
                got = ctx.api.call("DELETE", f"{base}/versions/{victim}")
                if len(alive) == 1:
                    expect(
                        got.status == 409,
                        "versions.last_version_kept",
                        f"deleting the only version got HTTP {got.status}, expected 409 (D15)",
                        got,
                    )
                    continue
                ok(got, "versions.delete", 200)
                alive.remove(victim)
                read = ctx.api.call("GET", f"{base}/versions/{victim}")
                expect(
                    read.status == 404,
                    "versions.deleted_gone",
                    f"deleted version {victim} still answers HTTP {read.status}",
                    read,
                )
            agree(ctx, base, alive)


def agree(ctx: Ctx, base: str, alive: list[int]) -> None:
    latest = ctx.api.call("GET", base)
    number = ok(latest, "versions.latest").get("version")
    expect(
        number == max(alive),
        "versions.latest",
        f"latest is {number}, expected {max(alive)}",
        latest,
    )
    history = ctx.api.call("GET", f"{base}/history")
    listed = [item.get("version") for item in ok(history, "versions.history")]
    expect(
        listed == sorted(alive),
        "versions.history",
        f"history lists {listed}, expected {sorted(alive)}",
        history,
    )
    for version in alive:
        one = ctx.api.call("GET", f"{base}/versions/{version}")
        expect(
            ok(one, "versions.lookup").get("version") == version,
            "versions.lookup",
            f"version {version} read back as another version",
            one,
        )


def fields(ctx: Ctx) -> None:
    """Whatever field list is PUT is what PUT answers and GET (fields, template) returns."""
    template = new_template(ctx, "Fields")
    base = f"/v1/templates/{template['templateId']}"

    placed = {"fieldName": "signature", "fieldType": "SIGNATURE", "page": 1, "x": 120.5, "y": 640}

    @ctx.given(
        share=0.4,
        sent=st.lists(FIELD, max_size=5, unique_by=lambda f: f["fieldName"]),
        examples=({"sent": [placed]}, {"sent": []}),
    )
    def check(sent: list[dict[str, Any]]) -> None:
        put = ctx.api.call("PUT", f"{base}/fields", json_body=sent)
        answered = ok(put, "fields.roundtrip")
        # D05: the PUT answer lists each field's name, type and page (it may carry more,
        # but nothing that differs from what was sent); GET returns every property.
        expect(
            isinstance(answered, list)
            and len(answered) == len(sent)
            and all(
                isinstance(a, dict)
                and {k: s[k] for k in ("fieldName", "fieldType", "page") if k in s}.items()
                <= a.items()
                and all(s.get(k) == v for k, v in a.items())
                for a, s in zip(answered, sent, strict=False)
            ),
            "fields.roundtrip",
            "PUT answered other fields than sent",
            put,
        )
        got = ctx.api.call("GET", f"{base}/fields")
        expect(
            ok(got, "fields.roundtrip") == sent,
            "fields.roundtrip",
            "GET returns other fields than PUT",
            got,
        )
        latest = ctx.api.call("GET", base)
        expect(
            ok(latest, "fields.roundtrip").get("fields") == sent,
            "fields.roundtrip",
            "the template's fields differ from the ones PUT",
            latest,
        )


def storage(ctx: Ctx) -> None:
    """Bytes PUT to the presigned upload URL come back from the presigned download URL."""
    template = new_template(ctx, "Storage")
    base = f"/v1/templates/{template['templateId']}/versions/1"

    @ctx.given(share=0.2, content=st.binary(min_size=1, max_size=4096))
    def check(content: bytes) -> None:
        upload = ok(ctx.api.call("POST", f"{base}/upload-url"), "storage.roundtrip")
        put = ctx.api.raw(
            upload.get("method", "PUT"),
            upload["uploadUrl"],
            b"%PDF-" + content,
            headers={"Content-Type": "application/pdf"},
        )
        expect(
            200 <= put.status < 300,
            "storage.upload",
            f"storage refused the upload: {put.status}",
            put,
        )
        download = ok(ctx.api.call("GET", f"{base}/download-url"), "storage.roundtrip")
        got = ctx.api.raw("GET", download["downloadUrl"])
        expect(
            got.status == 200 and got.content == b"%PDF-" + content,
            "storage.roundtrip",
            f"downloaded {len(got.content)} bytes (HTTP {got.status}), uploaded {len(content) + 5}",
            got,
        )
