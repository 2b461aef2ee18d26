-- The sandbox's tables. Lists are served by keyset pagination on (tenant_id, created_at, id)
-- indexes, so a page costs the same however many rows a tenant has.
--
-- The schema version: bump it with any change below. A `--data-dir` database of another
-- version is refused at startup (state/db.py), never read with the wrong layout.
PRAGMA user_version = 2;
CREATE TABLE IF NOT EXISTS tenants (
    tenant_id TEXT PRIMARY KEY,
    admin_token_hash TEXT NOT NULL UNIQUE,
    credits INTEGER NOT NULL CHECK (credits >= 0)
);
CREATE TABLE IF NOT EXISTS credentials (
    tenant_id TEXT PRIMARY KEY REFERENCES tenants(tenant_id),
    key_id TEXT NOT NULL,
    auth_method TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS credentials_by_secret ON credentials(secret_hash);
CREATE TABLE IF NOT EXISTS templates (
    template_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    max_version INTEGER NOT NULL,
    latest_version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS templates_by_tenant ON templates(tenant_id, created_at, template_id);
CREATE TABLE IF NOT EXISTS template_versions (
    template_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    template_name TEXT NOT NULL,
    description TEXT,
    fields TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (template_id, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    status TEXT NOT NULL,
    order_mode TEXT NOT NULL,
    deadline_at TEXT,
    metadata TEXT,
    flow_policy TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_tenant ON documents(tenant_id, created_at, document_id);
CREATE INDEX IF NOT EXISTS documents_by_tenant_status
    ON documents(tenant_id, status, created_at, document_id);
CREATE TABLE IF NOT EXISTS participants (
    participant_id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    signature_mode TEXT NOT NULL,
    identity TEXT,
    policy TEXT,
    status TEXT NOT NULL,
    process_id TEXT NOT NULL UNIQUE,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_document ON participants(document_id, position);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    process_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_process ON events(tenant_id, process_id, seq);
-- Webhooks (state/outbox.py, state/deliveries.py): each tenant's endpoint, the outbox of
-- deliveries (written in the transaction of their event, kept until acknowledged), and the
-- log of every attempt. Due times are wall-clock epoch seconds, so they survive a restart.
CREATE TABLE IF NOT EXISTS webhook_endpoints (
    tenant_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_until REAL,
    enabled INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL UNIQUE,
    tenant_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    event TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    due_at REAL NOT NULL,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON webhook_outbox(status, due_at);
CREATE INDEX IF NOT EXISTS outbox_by_tenant ON webhook_outbox(tenant_id, seq);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    url TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status_code INTEGER,
    outcome TEXT NOT NULL,
    error TEXT,
    attempted_at TEXT NOT NULL,
    next_attempt_at TEXT
);
CREATE INDEX IF NOT EXISTS deliveries_by_tenant ON webhook_deliveries(tenant_id, seq);
-- Idempotency keys (state/idempotency.py): per tenant, with the request's fingerprint and
-- the first success's answer; `answer` is NULL while the first request still runs.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    tenant_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    answer TEXT,
    created_at TEXT NOT NULL,
    claimed_until REAL NOT NULL,
    PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency_keys(created_at);
