-- B13 (issue 18): the staff's ticket table, sorted and filtered on a big tenant through indexes.
-- `search` is every word of the ticket, its contact and its conversation (internal notes too: only
-- staff search), folded so that case and Vietnamese diacritics do not matter; it is kept by the
-- triggers of functions/ticket_search.sql, which also fill it for the tickets already there.
ALTER TABLE tickets ADD COLUMN search tsvector;
CREATE INDEX tickets_search ON tickets USING gin (search);

-- The next due time (first response while unanswered, else resolution; 'infinity' when no target
-- applies) and the priority's rank, stored so the table can sort and page on them by index.
ALTER TABLE tickets
    ADD COLUMN next_due timestamptz GENERATED ALWAYS AS (
        coalesce(least(CASE WHEN first_response_at IS NULL THEN first_response_due END, resolution_due), 'infinity')
    ) STORED,
    ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
        CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END
    ) STORED;

-- One index per sort key, with the id that breaks ties (each serves both directions).
CREATE INDEX tickets_created ON tickets (created_at, id);
CREATE INDEX tickets_updated ON tickets (updated_at, id);
CREATE INDEX tickets_next_due ON tickets (next_due, id);
CREATE INDEX tickets_priority_rank ON tickets (priority_rank, id);
CREATE INDEX tickets_stage ON tickets (ticket_type, stage);
CREATE INDEX tickets_team ON tickets (team);
CREATE INDEX tickets_unassigned ON tickets (id) WHERE assignee_id IS NULL;
