-- B15: every committed timeline entry wakes the live streams watching its ticket, on every server
-- instance: the payload is only "<schema>:<ticket id>"; each stream reads what is new in its own
-- tenant scope, so a notification carries no data. (Trigger: 0004.)
CREATE OR REPLACE FUNCTION notify_ticket_event() RETURNS trigger
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    PERFORM pg_notify('portal_ticket_events', TG_TABLE_SCHEMA || ':' || NEW.ticket_id);
    RETURN NULL;
END
$$;
