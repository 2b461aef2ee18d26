"""The run as one self-contained HTML page: coverage per operation, checks and failures.

Why one file with nothing to fetch: it is attached to CI runs and tickets and opened from
disk, often offline; inline CSS, no script, no font, no image, no link outside the page.
It is built from the same JSON the plugin writes (`Report.to_json`), so the two never
disagree.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1d232a}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.4rem 0 1rem}td,th{border:1px solid #d0d7de;
padding:.2rem .5rem;text-align:left;vertical-align:top}th{background:#f3f5f7}
.ok{color:#116329}.gap{color:#9a6700}.fail{color:#b91c1c;font-weight:600}
.prefer{color:#6639ba}code,pre{font:12px ui-monospace,monospace}pre{background:#f6f8fa;
padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
.summary td:first-child{font-weight:600}details{margin:.3rem 0}
"""


def _status_cells(row: dict[str, Any]) -> str:
    cells = []
    observed = row.get("observed_statuses", {})
    prefer = row.get("prefer_statuses", {})
    unreached = row.get("unreached_statuses", {})
    for status in row.get("documented_statuses", []):
        if status in observed:
            extra = f" + {prefer[status]} asked for (Prefer)" if status in prefer else ""
            cells.append(
                f'<tr><td>{escape(status)}</td><td class="ok">observed {observed[status]}'
                f"{extra}</td></tr>"
            )
        elif status in prefer:
            cells.append(
                f'<tr><td>{escape(status)}</td><td class="prefer">only when asked for '
                f"(Prefer: code={escape(status)} or an armed fault; {prefer[status]}): the "
                "envelope a client reads, not the server logic</td></tr>"
            )
        else:
            reason = escape(str(unreached.get(status, "not produced")))
            cells.append(f'<tr><td>{escape(status)}</td><td class="gap">{reason}</td></tr>')
    for status, count in row.get("undocumented_statuses", {}).items():
        cells.append(
            f'<tr><td>{escape(status)}</td><td class="fail">undocumented, {count}</td></tr>'
        )
    return "<table><tr><th>status</th><th>seen</th></tr>" + "".join(cells) + "</table>"


def _inputs(items: list[dict[str, Any]], title: str) -> str:
    if not items:
        return ""
    rows = "".join(
        f"<tr><td><code>{escape(i['name'])}</code></td>"
        f'<td class="{"ok" if i["valid"] else "gap"}">{"yes" if i["valid"] else "no"}</td>'
        f'<td class="{"ok" if i["invalid"] else "gap"}">{"yes" if i["invalid"] else "no"}</td>'
        "</tr>"
        for i in items
    )
    return (
        f"<table><tr><th>{title}</th><th>valid value sent</th><th>invalid value sent</th></tr>"
        f"{rows}</table>"
    )


def _links(links: list[dict[str, Any]]) -> str:
    if not links:
        return ""
    rows = "".join(
        f"<tr><td><code>{escape(link['link'])}</code></td>"
        f'<td class="{"ok" if link["followed"] else "gap"}">{link["followed"]}</td></tr>'
        for link in links
    )
    return f"<table><tr><th>link (stateful phase)</th><th>followed</th></tr>{rows}</table>"


def _checks(checks: list[dict[str, Any]]) -> str:
    if not checks:
        return "<p>No check ran on this operation.</p>"
    rows = "".join(
        f"<tr><td><code>{escape(c['check'])}</code></td><td>{c['passed']}</td>"
        f'<td class="{"fail" if c["failed"] else ""}">{c["failed"]}</td></tr>'
        for c in checks
    )
    return f"<table><tr><th>check</th><th>passed</th><th>failed</th></tr>{rows}</table>"


def _finding(finding: dict[str, Any]) -> str:
    parts = [
        f'<details open><summary class="fail">[{escape(finding["check"])}] '
        f"{escape(finding['message'])}</summary>"
    ]
    if finding.get("curl"):
        parts.append(f"<p>reproduce:</p><pre>{escape(finding['curl'])}</pre>")
    if finding.get("cassette"):
        parts.append(
            f"<p>replay: <code>signly-contract replay {escape(finding['cassette'])}</code></p>"
        )
    if finding.get("response"):
        parts.append(f"<pre>{escape(finding['response'])}</pre>")
    parts.append("</details>")
    return "".join(parts)


def render(data: dict[str, Any], title: str = "Signly contract report") -> str:
    coverage = data.get("coverage", {})
    totals = coverage.get("totals", {})
    summary_rows = [
        f"<tr><td>requests</td><td>{data.get('cases', 0)} "
        f"(stateful steps {data.get('stateful_steps', 0)})</td></tr>",
        f'<tr><td>failures</td><td class="{"fail" if data.get("findings") else "ok"}">'
        f"{len(data.get('findings', []))} distinct</td></tr>",
    ]
    for kind, numbers in totals.items():
        done, of = numbers["covered"], numbers["documented"]
        share = 100.0 * done / of if of else 100.0
        summary_rows.append(
            f"<tr><td>{escape(kind.replace('_', ' '))}</td><td>{share:.1f}% ({done}/{of})</td></tr>"
        )
    if coverage.get("statuses_only_when_asked"):
        summary_rows.append(
            "<tr><td>statuses only when asked</td>"
            f'<td class="prefer">{coverage["statuses_only_when_asked"]} (Prefer: code=NNN or an '
            "armed /_sandbox/faults rule)</td></tr>"
        )
    if coverage.get("percentage") is not None:
        summary_rows.append(f"<tr><td>coverage</td><td>{coverage['percentage']:.1f}%</td></tr>")
    if coverage.get("scope"):
        summary_rows.append(f"<tr><td>scope</td><td>{escape(coverage['scope'])}</td></tr>")
    for name, value in (data.get("run") or {}).items():
        summary_rows.append(f"<tr><td>{escape(name)}</td><td>{escape(str(value))}</td></tr>")
    findings_by_op: dict[str, list[dict[str, Any]]] = {}
    for finding in data.get("findings", []):
        findings_by_op.setdefault(finding["operation"], []).append(finding)
    sections = []
    index_rows = []
    for number, row in enumerate(data.get("operations", [])):
        label = row["operation"]
        anchor = f"op{number}"
        documented = row.get("documented_statuses")
        failures = findings_by_op.pop(label, [])
        reached = (
            f"{len(documented) - len(row.get('unreached_statuses', {}))}/{len(documented)}"
            if documented is not None
            else "not in the spec"
        )
        css = "fail" if row.get("failed") else ("gap" if row.get("unreached_statuses") else "ok")
        index_rows.append(
            f'<tr><td><a href="#{anchor}">{escape(label)}</a></td><td class="{css}">{reached}'
            f"</td><td>{row.get('passed', 0)}</td><td>{row.get('failed', 0)}</td></tr>"
        )
        body = [f'<h2 id="{anchor}">{escape(label)}</h2>']
        if row.get("excluded"):
            body.append(f'<p class="gap">Not sent in this run: {escape(row["excluded"])}</p>')
        if documented is not None:
            body.append(_status_cells(row))
            body.append(_inputs(row.get("parameters", []), "parameter"))
            body.append(_inputs(row.get("body_properties", []), "body property"))
            body.append(_links(row.get("links", [])))
        body.append(_checks(row.get("checks", [])))
        body += [_finding(f) for f in failures]
        sections.append("".join(body))
    leftovers = [f for rest in findings_by_op.values() for f in rest]
    if leftovers:
        sections.append("<h2>Other failures</h2>" + "".join(_finding(f) for f in leftovers))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<table class="summary">{"".join(summary_rows)}</table>'
        "<h2>Operations</h2><table><tr><th>operation</th><th>documented statuses observed</th>"
        f"<th>checks passed</th><th>checks failed</th></tr>{''.join(index_rows)}</table>"
        f"{''.join(sections)}</body></html>"
    )


def write(data: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data), encoding="utf-8")
