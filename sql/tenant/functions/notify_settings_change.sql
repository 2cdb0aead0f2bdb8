-- B2, B8, B10: server instances keep each tenant's workflows, notification rules and service-level
-- calendar and policies in memory (TenantMemo). Any statement that changes one of those tables, from
-- any instance or from portal-admin, tells every instance to forget the tenant's copies when it
-- commits: the payload is the tenant's schema. (Triggers, one per table: 0014.)
CREATE OR REPLACE FUNCTION notify_settings_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_settings_changes', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;
