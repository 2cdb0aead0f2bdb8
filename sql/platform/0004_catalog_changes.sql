-- A3, I4: server instances keep each tenant's catalog row (status, modules, language, time zone) in
-- memory (TenantDirectory), since every request starts by finding its tenant. Any change to the
-- row (a suspension, a resumption, a deletion, a migration's new version), from portal-admin or by
-- hand, tells every instance to forget it when the change commits. It goes out on the channel of
-- sign-in changes (tenant 0009), since a suspended portal also ends its sign-ins, and the instances
-- already listen there: the payload is the tenant's schema.
CREATE FUNCTION platform.notify_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_access_changes', OLD.schema_name);
    RETURN NULL;
END
$$;

CREATE TRIGGER tenants_access_change AFTER UPDATE OR DELETE ON platform.tenants
    FOR EACH ROW EXECUTE FUNCTION platform.notify_catalog_change();
