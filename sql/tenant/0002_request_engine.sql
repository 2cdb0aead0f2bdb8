-- The shared request/status engine (PRODUCT.md B2-B7, B16, B17) and who may use it (C1, E1, I4).

-- B2: per ticket type, ordered stages and the moves allowed between them.
CREATE TABLE workflows (
    ticket_type text PRIMARY KEY CHECK (ticket_type ~ '^[a-z][a-z0-9_]{0,39}$'),
    code_prefix text NOT NULL CHECK (code_prefix ~ '^[A-Z]{2,5}$'),
    name_vi text NOT NULL,
    name_en text NOT NULL
);

CREATE TABLE workflow_stages (
    ticket_type text NOT NULL REFERENCES workflows ON DELETE CASCADE,
    stage text NOT NULL CHECK (stage ~ '^[a-z][a-z0-9_]{0,39}$'),
    position integer NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    customer_visible boolean NOT NULL DEFAULT true,
    terminal boolean NOT NULL DEFAULT false,
    PRIMARY KEY (ticket_type, stage),
    UNIQUE (ticket_type, position)
);

CREATE TABLE workflow_transitions (
    ticket_type text NOT NULL,
    from_stage text NOT NULL,
    to_stage text NOT NULL,
    PRIMARY KEY (ticket_type, from_stage, to_stage),
    FOREIGN KEY (ticket_type, from_stage) REFERENCES workflow_stages ON DELETE CASCADE,
    FOREIGN KEY (ticket_type, to_stage) REFERENCES workflow_stages ON DELETE CASCADE
);

-- One counter per code prefix: the row lock taken by UPDATE ... RETURNING makes codes gapless and
-- unique under concurrent creation (a rolled-back creation rolls its number back too).
CREATE TABLE ticket_counters (
    code_prefix text PRIMARY KEY,
    last_number bigint NOT NULL DEFAULT 0
);

-- C1, C2: a customer organisation, signed in by its one token (stored as SHA-256 only).
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (length(btrim(name)) > 0),
    warranty_until date,
    address text NOT NULL DEFAULT '',
    tax_code text NOT NULL DEFAULT '',
    token_sha256 bytea UNIQUE,
    token_issued_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_admins (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers ON DELETE CASCADE,
    name text NOT NULL,
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT ''
);

-- B4: the person a request is about; reused by normalised email or phone, never duplicated.
CREATE TABLE contacts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint REFERENCES customers,
    name text NOT NULL,
    email text NOT NULL,
    phone text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contacts_email ON contacts (email);
CREATE UNIQUE INDEX contacts_phone ON contacts (phone);

-- Staff of the tenant, signed in by username and bcrypt password.
CREATE TABLE staff_members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'agent')),
    team text NOT NULL DEFAULT '',
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- E1, F1: people who sign in to the portal with a password (lottery agents, employees).
CREATE TABLE portal_users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name text NOT NULL,
    password_hash text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('agent', 'employee')),
    active_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- I4: sessions are rows, so they can be ended at once; the bearer value is stored as SHA-256 only.
CREATE TABLE sessions (
    token_sha256 bytea PRIMARY KEY,
    principal_kind text NOT NULL CHECK (principal_kind IN ('staff', 'customer', 'portal_user')),
    principal_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX sessions_principal ON sessions (principal_kind, principal_id);

-- I4: failed sign-ins per username or address, for throttling.
CREATE TABLE sign_in_failures (
    subject text NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_subject ON sign_in_failures (subject, failed_at);

-- B3: a request, complaint, repair order ...; `version` guards against lost updates.
CREATE TABLE tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    ticket_type text NOT NULL REFERENCES workflows,
    title text NOT NULL,
    content text NOT NULL,
    priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    customer_id bigint REFERENCES customers,
    contact_id bigint NOT NULL REFERENCES contacts,
    -- who filed it, as '<kind>:<id>' (customer:3, portal_user:7, staff:2): portal users see their own.
    filed_by text NOT NULL,
    assignee_id bigint REFERENCES staff_members,
    team text NOT NULL DEFAULT '',
    stage text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    FOREIGN KEY (ticket_type, stage) REFERENCES workflow_stages
);
CREATE INDEX tickets_customer_created ON tickets (customer_id, created_at DESC, id DESC);
CREATE INDEX tickets_contact ON tickets (contact_id);
CREATE INDEX tickets_filed_by_created ON tickets (filed_by, created_at DESC, id DESC);

-- B3: everything that happened to a ticket. Append-only.
CREATE TABLE ticket_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES tickets,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'customer', 'portal_user', 'system')),
    actor_id bigint,
    actor_name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('created', 'transition', 'assignment', 'note', 'message', 'attachment')),
    from_stage text,
    to_stage text,
    body text NOT NULL DEFAULT '',
    public boolean NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);
REVOKE UPDATE, DELETE, TRUNCATE ON ticket_events FROM CURRENT_USER;

-- A retried POST /tickets with the same Idempotency-Key returns the ticket it made the first time.
CREATE TABLE idempotency_keys (
    principal text NOT NULL,
    key text NOT NULL,
    ticket_id bigint NOT NULL REFERENCES tickets,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);

-- B5: files checked by their bytes, kept with the tenant's data.
CREATE TABLE attachments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES tickets,
    file_name text NOT NULL,
    content_type text NOT NULL,
    size integer NOT NULL,
    data bytea NOT NULL,
    uploaded_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_ticket ON attachments (ticket_id);
