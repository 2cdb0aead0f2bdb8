-- pgbench script for bench/lookup, as the service login: the service's scoped unit of work for one
-- ticket (BEGIN, role + search_path, the ticket row as TicketStore reads it, COMMIT) in ONE round
-- trip (`\;` sends it as one simple-protocol message). -D first=F -D tenants=N -D tickets=T.
\set t random(:first, :first + :tenants - 1)
\set n random(1, :tickets)
BEGIN \; SELECT set_config('role', 't_lk_' || :t, true), set_config('search_path', '"t_lk_' || :t || '"', true) \; SELECT t.id, t.code, t.ticket_type, t.title, t.content, t.priority, t.customer_id, t.contact_id, t.contact_name, t.contact_email, t.contact_phone, t.filed_by, s.id, s.username, s.display_name, t.team, t.stage, t.created_at, t.updated_at, t.version FROM tickets t LEFT JOIN staff_members s ON s.id = t.assignee_id WHERE t.code = 'HT-' || lpad(:n::text, 6, '0') \; COMMIT
