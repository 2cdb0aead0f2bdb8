-- E2, E4 (issue 19): every agent's read needs the tenant's lottery rules (period kind, ratios),
-- so instances keep them in memory like the other settings (0014): a change tells every instance
-- to forget the tenant's copy when it commits.
CREATE TRIGGER lottery_settings_settings_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lottery_settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_settings_change();
