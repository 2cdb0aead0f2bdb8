-- I4: server instances keep who holds a bearer value for a few seconds (a lookup saved on every
-- authenticated request). Any change that can end or alter a sign-in (a session revoked, a token
-- rotated or revoked, a password reset, a member's role or team, a user's end date) tells every
-- instance to forget the tenant's cached holders: the payload is the tenant's schema.
CREATE FUNCTION notify_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_access_changes', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;

CREATE TRIGGER sessions_access_change AFTER UPDATE OR DELETE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
CREATE TRIGGER customers_access_change AFTER UPDATE OF name, warranty_until, token_sha256 OR DELETE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
CREATE TRIGGER staff_access_change AFTER UPDATE OF username, display_name, password_hash, role, team, active OR DELETE ON staff_members
    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
CREATE TRIGGER portal_users_access_change AFTER UPDATE OF username, display_name, password_hash, kind, active_until OR DELETE ON portal_users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
