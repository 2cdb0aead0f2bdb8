-- Mail waiting to go out, for every tenant (PRODUCT.md B8). A change writes its notifications here
-- in its own transaction, as the tenant's role, so a notification exists exactly when its change
-- does. One shared queue lets the delivery workers claim work across all tenants with one query.
--
-- Row-level security keeps tenants apart: a tenant role adds and sees only rows stamped with its own
-- name; a login acting as itself (the service login's delivery worker; tenant roles cannot log in)
-- sees them all. Privileges decide who may touch the table at all: tenant roles INSERT and SELECT
-- (granted by platform.grant_tenant_access), the service login SELECT and UPDATE (portal-admin
-- migrate), the owner everything.
CREATE TABLE platform.outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_role text NOT NULL DEFAULT current_user,
    ticket_code text,
    event text NOT NULL,
    -- the From display name: the tenant's name when the message was written
    sender_name text NOT NULL,
    recipient text NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'parked')),
    attempts integer NOT NULL DEFAULT 0,
    -- When a pending message may next be tried. A worker that claims a message moves this past the
    -- time a delivery can take, so no other worker takes it meanwhile, and a crashed worker's
    -- messages come back on their own.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz
);

CREATE INDEX outbox_due ON platform.outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_by_tenant ON platform.outbox (tenant_role, id);

ALTER TABLE platform.outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_own_rows ON platform.outbox
    USING (tenant_role = current_user OR current_user = session_user)
    WITH CHECK (tenant_role = current_user OR current_user = session_user);

-- GRANT and REVOKE rewrite a table's one ACL row, so tenants created or deleted at the same moment
-- take turns (until their transactions end) instead of failing with "tuple concurrently updated".
CREATE FUNCTION platform.lock_tenant_access() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('platform.tenant_access'))
$$;

-- What every tenant role may do outside its own schema; called for each new tenant by the
-- provisioner and below for the tenants that exist already. Deleting a tenant takes the lock too
-- before DROP OWNED revokes these.
CREATE FUNCTION platform.grant_tenant_access(role_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM platform.lock_tenant_access();
    EXECUTE format('GRANT USAGE ON SCHEMA platform TO %I', role_name);
    EXECUTE format('GRANT INSERT, SELECT ON platform.outbox TO %I', role_name);
END
$$;

SELECT platform.grant_tenant_access(role_name) FROM platform.tenants;
REVOKE EXECUTE ON FUNCTION platform.grant_tenant_access(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION platform.lock_tenant_access() FROM PUBLIC;
