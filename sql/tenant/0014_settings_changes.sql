-- B2, B8, B10: server instances keep each tenant's workflows, notification rules and service-level
-- calendar and policies in memory (TenantMemo), since nearly every request needs them and reading
-- them each time cost more than the request's own work. Any statement that changes one of those
-- tables, from any instance or from portal-admin, tells every instance to forget the tenant's
-- copies when it commits: the payload is the tenant's schema.
CREATE FUNCTION notify_settings_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_settings_changes', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;

-- One statement trigger per table, named <table>_settings_change.
DO $$
DECLARE
    settings_table text;
BEGIN
    FOREACH settings_table IN ARRAY ARRAY['workflows', 'workflow_stages', 'workflow_transitions', 'notification_settings',
                                           'business_calendar', 'holidays', 'sla_policies'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_settings_change()', settings_table || '_settings_change', settings_table);
    END LOOP;
END
$$;
