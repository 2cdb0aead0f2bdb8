-- B13 (issue 18): tickets.open (tenant 0032), whether the ticket's stage is not a final one of its
-- workflow: set as a ticket is stored or moves, and rewritten for the tickets of a stage whose
-- final flag an administrator changes.
CREATE OR REPLACE FUNCTION ticket_open_of_ticket() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.open := NOT coalesce((SELECT terminal FROM workflow_stages WHERE ticket_type = NEW.ticket_type AND stage = NEW.stage), false);
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION ticket_open_of_stage() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tickets SET open = NOT NEW.terminal WHERE ticket_type = NEW.ticket_type AND stage = NEW.stage AND open = NEW.terminal;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS ticket_open_of_new_ticket ON tickets;
CREATE TRIGGER ticket_open_of_new_ticket BEFORE INSERT ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_open_of_ticket();

DROP TRIGGER IF EXISTS ticket_open_of_ticket ON tickets;
CREATE TRIGGER ticket_open_of_ticket BEFORE UPDATE OF stage, ticket_type ON tickets
    FOR EACH ROW WHEN (NEW.stage IS DISTINCT FROM OLD.stage OR NEW.ticket_type IS DISTINCT FROM OLD.ticket_type)
    EXECUTE FUNCTION ticket_open_of_ticket();

DROP TRIGGER IF EXISTS ticket_open_of_stage ON workflow_stages;
CREATE TRIGGER ticket_open_of_stage AFTER UPDATE OF terminal ON workflow_stages
    FOR EACH ROW WHEN (NEW.terminal IS DISTINCT FROM OLD.terminal)
    EXECUTE FUNCTION ticket_open_of_stage();
