-- B13 (issue 18): the staff's ticket table sorts by any column it shows, each through an index
-- with the id that breaks ties (each serves both directions), so that the first page of a big
-- tenant is read in index order rather than sorted. The assignee's and the customer's names live
-- in other tables, so each ticket keeps a copy to sort by (functions/ticket_sort_names.sql keeps
-- them in step when a ticket changes hands or a name changes). Names sort in Vietnamese order
-- (ICU's `vi`: Ánh with A, Đức after D), not by code point as the cluster's C.UTF-8 would; types,
-- stages and teams sort by key.
ALTER TABLE tickets
    ADD COLUMN assignee_name text NOT NULL DEFAULT '',
    ADD COLUMN customer_name text NOT NULL DEFAULT '';

CREATE INDEX tickets_title ON tickets (title COLLATE pg_catalog."vi-x-icu", id);
CREATE INDEX tickets_contact_name ON tickets (contact_name COLLATE pg_catalog."vi-x-icu", id);
CREATE INDEX tickets_type ON tickets (ticket_type, id);
CREATE INDEX tickets_stage_key ON tickets (stage, id);
CREATE INDEX tickets_assignee_name ON tickets (assignee_name COLLATE pg_catalog."vi-x-icu", id);
CREATE INDEX tickets_customer_name ON tickets (customer_name COLLATE pg_catalog."vi-x-icu", id);
-- Replaces the team filter's own index (team): the same prefix, now also in sort order.
DROP INDEX tickets_team;
CREATE INDEX tickets_team ON tickets (team, id);
