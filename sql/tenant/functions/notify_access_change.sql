-- I4: server instances keep who holds a bearer value for a few seconds (a lookup saved on every
-- authenticated request). Any change that can end or alter a sign-in (a session revoked, a token
-- rotated or revoked, a password reset, a member's role or team, a user's end date) tells every
-- instance to forget the tenant's cached holders: the payload is the tenant's schema. (Triggers: 0009.)
CREATE OR REPLACE FUNCTION notify_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_access_changes', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;
