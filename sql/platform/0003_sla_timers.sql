-- B10: when each open ticket's service-level clocks next need a look, for every tenant in one
-- table, so the watch worker finds due work with one query (as with the outbox). A change writes
-- its ticket's row in its own transaction, as the tenant's role; row-level security keeps tenants
-- to their own rows, and the service login's worker (acting as itself) sees them all.
CREATE TABLE platform.sla_timers (
    tenant_role text NOT NULL DEFAULT current_user,
    ticket_id bigint NOT NULL,
    check_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_role, ticket_id)
);
CREATE INDEX sla_timers_due ON platform.sla_timers (check_at);

ALTER TABLE platform.sla_timers ENABLE ROW LEVEL SECURITY;
CREATE POLICY sla_timers_own_rows ON platform.sla_timers
    USING (tenant_role = current_user OR current_user = session_user)
    WITH CHECK (tenant_role = current_user OR current_user = session_user);

CREATE OR REPLACE FUNCTION platform.grant_tenant_access(role_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM platform.lock_tenant_access();
    EXECUTE format('GRANT USAGE ON SCHEMA platform TO %I', role_name);
    EXECUTE format('GRANT INSERT, SELECT ON platform.outbox TO %I', role_name);
    EXECUTE format('GRANT INSERT, SELECT, UPDATE, DELETE ON platform.sla_timers TO %I', role_name);
END
$$;

SELECT platform.grant_tenant_access(role_name) FROM platform.tenants;
