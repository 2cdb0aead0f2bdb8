-- B13 (issue 18): tickets.assignee_name and tickets.customer_name, the names the staff's table
-- sorts by (tenant 0029), copied from the member and the customer organisation: set as a ticket is
-- stored or changes hands, and rewritten on every ticket of a member or customer renamed (rare,
-- and one indexed update). Tickets stored before this file get theirs when it is applied.
CREATE OR REPLACE FUNCTION ticket_sort_names_of_ticket() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.assignee_name := coalesce((SELECT display_name FROM staff_members WHERE id = NEW.assignee_id), '');
    NEW.customer_name := coalesce((SELECT name FROM customers WHERE id = NEW.customer_id), '');
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION ticket_sort_names_of_member() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tickets SET assignee_name = NEW.display_name WHERE assignee_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ticket_sort_names_of_customer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tickets SET customer_name = NEW.name WHERE customer_id = NEW.id;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS ticket_sort_names_of_new_ticket ON tickets;
CREATE TRIGGER ticket_sort_names_of_new_ticket BEFORE INSERT ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_sort_names_of_ticket();

DROP TRIGGER IF EXISTS ticket_sort_names_of_ticket ON tickets;
CREATE TRIGGER ticket_sort_names_of_ticket BEFORE UPDATE OF assignee_id, customer_id ON tickets
    FOR EACH ROW WHEN (NEW.assignee_id IS DISTINCT FROM OLD.assignee_id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id)
    EXECUTE FUNCTION ticket_sort_names_of_ticket();

DROP TRIGGER IF EXISTS ticket_sort_names_of_member ON staff_members;
CREATE TRIGGER ticket_sort_names_of_member AFTER UPDATE OF display_name ON staff_members
    FOR EACH ROW WHEN (NEW.display_name IS DISTINCT FROM OLD.display_name)
    EXECUTE FUNCTION ticket_sort_names_of_member();

DROP TRIGGER IF EXISTS ticket_sort_names_of_customer ON customers;
CREATE TRIGGER ticket_sort_names_of_customer AFTER UPDATE OF name ON customers
    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name)
    EXECUTE FUNCTION ticket_sort_names_of_customer();

UPDATE tickets t SET assignee_name = s.display_name FROM staff_members s
WHERE s.id = t.assignee_id AND t.assignee_name IS DISTINCT FROM s.display_name;
UPDATE tickets t SET customer_name = c.name FROM customers c
WHERE c.id = t.customer_id AND t.customer_name IS DISTINCT FROM c.name;
