-- B13 (issue 18): whether a ticket is open (not in a final stage of its workflow), stored on the
-- ticket so that the queues, their counts and the "open" filter read partial indexes of the open
-- tickets (a few percent of a big tenant's) instead of testing every ticket against the workflow
-- (bench/workspace: the table page's four counts took 750 ms of PostgreSQL on a million tickets).
-- functions/ticket_open.sql keeps it in step with stage moves and with workflow edits.
ALTER TABLE tickets ADD COLUMN open boolean NOT NULL DEFAULT true;
UPDATE tickets t SET open = false
FROM workflow_stages w WHERE w.ticket_type = t.ticket_type AND w.stage = t.stage AND w.terminal;

CREATE INDEX tickets_open_assignee ON tickets (assignee_id) WHERE open;
CREATE INDEX tickets_open_team ON tickets (team) WHERE open;
CREATE INDEX tickets_open_unassigned ON tickets (id) WHERE open AND assignee_id IS NULL;
CREATE INDEX tickets_open_due ON tickets (next_due, id) WHERE open;
