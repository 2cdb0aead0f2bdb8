-- pgbench script for bench/lookup, as the database owner: the same single-ticket read by qualified
-- name, no transaction, no scope. -D first=F -D tenants=N -D tickets=T.
\set t random(:first, :first + :tenants - 1)
\set n random(1, :tickets)
SELECT t.id, t.code, t.ticket_type, t.title, t.content, t.priority, t.customer_id, t.contact_id, t.contact_name, t.contact_email, t.contact_phone, t.filed_by, s.id, s.username, s.display_name, t.team, t.stage, t.created_at, t.updated_at, t.version FROM t_lk_:t.tickets t LEFT JOIN t_lk_:t.staff_members s ON s.id = t.assignee_id WHERE t.code = 'HT-' || lpad(:n::text, 6, '0');
