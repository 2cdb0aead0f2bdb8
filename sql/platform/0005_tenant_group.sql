-- I4: one group role holds what every tenant role may do outside its own schema, granted once.
-- Granting each tenant role on the shared objects wrote one ACL entry per tenant into the rows of
-- pg_namespace (schema platform) and pg_class (outbox, sla_timers); those rows cannot outgrow one
-- page, so creating tenant 1,814 failed with "row is too big". A tenant role now only joins the
-- group (a row in pg_auth_members, which has no such limit), and row-level security, which compares
-- each row's tenant_role with current_user, keeps tenants apart as before: current_user is the
-- tenant's own role, never the group's.
--
-- Roles are cluster-wide, as the tenant roles are: one cluster hosts one portal database.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_tenants') THEN
        CREATE ROLE portal_tenants NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA platform TO portal_tenants;
-- DELETE: a tenant purges its own delivered mail past its retention (row-level security keeps it to
-- its own rows, as for reading).
GRANT INSERT, SELECT, DELETE ON platform.outbox TO portal_tenants;
GRANT INSERT, SELECT, UPDATE, DELETE ON platform.sla_timers TO portal_tenants;

-- Membership is all a new tenant role needs; granting it touches no ACL, so tenants created or
-- deleted at once no longer take turns on a lock.
CREATE OR REPLACE FUNCTION platform.grant_tenant_access(role_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('GRANT portal_tenants TO %I', role_name);
END
$$;

-- The tenants that exist: into the group, and their own entries out of the shared ACLs.
DO $$
DECLARE
    tenant record;
BEGIN
    FOR tenant IN SELECT role_name FROM platform.tenants LOOP
        EXECUTE format('GRANT portal_tenants TO %I', tenant.role_name);
        EXECUTE format('REVOKE ALL ON platform.outbox, platform.sla_timers FROM %I', tenant.role_name);
        EXECUTE format('REVOKE ALL ON SCHEMA platform FROM %I', tenant.role_name);
    END LOOP;
END
$$;

DROP FUNCTION platform.lock_tenant_access();
