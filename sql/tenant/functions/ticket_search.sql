-- B13 (issue 18): tickets.search, every word staff may search a ticket by: its code, title and
-- content, its contact's name, email and phone as typed, and each message and note of its
-- conversation, folded (fold_text: no case, no diacritics, đ as d). A new ticket gets its words as
-- it is stored, a message or note adds its own as it is written; tickets stored before this file
-- get theirs when it is applied. A tsvector holds at most 1 MB: past half of that a ticket's later
-- messages are not added (the ticket stays findable by everything before them).
CREATE OR REPLACE FUNCTION ticket_search_words(p_text text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', fold_text(p_text))
$$;

-- The question as a tsquery: every word of it, folded as the tickets' words are, as a prefix. It is
-- IMMUTABLE so that PostgreSQL works it out while planning (the question is a bound value, known
-- then): the planner sees the real query, estimates from the index's statistics how many tickets
-- match, and reads a rare word through the GIN index instead of walking a sort index and testing
-- every ticket (a subquery in its place hid the words: a question matching nothing took a second
-- on a million tickets, bench/workspace).
CREATE OR REPLACE FUNCTION ticket_search_query(p_text text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsquery('simple', coalesce(string_agg(quote_literal(lexeme) || ':*', ' & '), ''))
    FROM unnest(ticket_search_words(p_text))
$$;

CREATE OR REPLACE FUNCTION ticket_search_of_ticket() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := ticket_search_words(concat_ws(' ', NEW.code, NEW.title, NEW.content, NEW.contact_name, NEW.contact_email, NEW.contact_phone));
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION ticket_search_of_message() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tickets SET search = search || ticket_search_words(NEW.body)
    WHERE id = NEW.ticket_id AND pg_column_size(search) < 512000;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS ticket_search_of_ticket ON tickets;
CREATE TRIGGER ticket_search_of_ticket BEFORE INSERT ON tickets
    FOR EACH ROW EXECUTE FUNCTION ticket_search_of_ticket();

DROP TRIGGER IF EXISTS ticket_search_of_message ON ticket_events;
CREATE TRIGGER ticket_search_of_message AFTER INSERT ON ticket_events
    FOR EACH ROW WHEN (NEW.kind IN ('message', 'note') AND NEW.body <> '')
    EXECUTE FUNCTION ticket_search_of_message();

UPDATE tickets t SET search = ticket_search_words(concat_ws(' ', t.code, t.title, t.content, t.contact_name, t.contact_email, t.contact_phone))
    || coalesce((SELECT ticket_search_words(string_agg(e.body, ' ' ORDER BY e.id)) FROM ticket_events e
                 WHERE e.ticket_id = t.id AND e.kind IN ('message', 'note') AND e.body <> ''), '')
WHERE t.search IS NULL;
