-- C1, E1, F1: staff and portal users sign in on the same form, and sign-in looks a username up
-- among staff first; a portal user with a staff member's username could never sign in. So a
-- username belongs to one account of the tenant, whichever table holds it. UNIQUE covers each
-- table; these triggers cover the pair. Both take the same transaction lock on the username (in
-- this schema) before looking, so of two accounts created at once with one name the second waits,
-- then sees the first (each statement of a PL/pgSQL function takes a new snapshot) and fails as a
-- duplicate would. (Triggers: 0018.)
CREATE OR REPLACE FUNCTION refuse_username_of_other_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(TG_TABLE_SCHEMA || ':username:' || NEW.username, 0));
    IF (TG_TABLE_NAME = 'staff_members' AND EXISTS (SELECT 1 FROM portal_users WHERE username = NEW.username))
        OR (TG_TABLE_NAME = 'portal_users' AND EXISTS (SELECT 1 FROM staff_members WHERE username = NEW.username)) THEN
        RAISE unique_violation USING MESSAGE = format('username %s is taken by another account', NEW.username);
    END IF;
    RETURN NEW;
END
$$;

