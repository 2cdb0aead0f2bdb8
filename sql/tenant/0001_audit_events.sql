-- Administrative actions on this tenant (created, suspended, resumed ...). Append-only: the tenant
-- role, which owns the table, gives up UPDATE, DELETE and TRUNCATE on it.
CREATE TABLE audit_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    action text NOT NULL,
    detail jsonb NOT NULL DEFAULT '{}'
);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM CURRENT_USER;
