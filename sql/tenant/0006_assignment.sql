-- B11: who picks up a new ticket. A customer organisation may have its own account manager (the
-- care module sets it); otherwise the team that takes the ticket's type shares the work: the
-- active member with the fewest open tickets gets the next one, the longest-waiting first on a tie.
ALTER TABLE customers ADD COLUMN account_manager_id bigint REFERENCES staff_members;
ALTER TABLE teams ADD COLUMN ticket_types text[] NOT NULL DEFAULT '{}';
ALTER TABLE staff_members ADD COLUMN last_assigned_at timestamptz;
CREATE INDEX tickets_open_by_assignee ON tickets (assignee_id) WHERE assignee_id IS NOT NULL;
