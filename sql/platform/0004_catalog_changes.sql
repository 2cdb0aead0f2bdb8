-- A3, I4: server instances keep each tenant's catalog row (name, modules, language, time zone,
-- status) in memory (TenantDirectory), since every request starts by finding its tenant. A change
-- to any of those (a suspension above all) or the row's deletion, from portal-admin or by hand,
-- tells every instance to forget the row when the change commits; a migration's new schema version
-- does not (no request reads it, and a migration run over every tenant would empty every cache).
-- It goes out on the channel of sign-in changes (tenant 0009), since a suspended portal also ends
-- its sign-ins, and the instances already listen there: the payload is the tenant's schema.
CREATE FUNCTION platform.notify_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_access_changes', OLD.schema_name);
    RETURN NULL;
END
$$;

CREATE TRIGGER tenants_access_change AFTER UPDATE OF display_name, modules, locale, time_zone, status OR DELETE ON platform.tenants
    FOR EACH ROW EXECUTE FUNCTION platform.notify_catalog_change();
