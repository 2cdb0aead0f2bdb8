-- pgbench script for bench/pooler-reads, as the service login, extended protocol: a page of a
-- customer's tickets read the way the service read before the pooler correction, when the
-- connection held another tenant's scope: the scope set for the session, then the read (two round
-- trips; one when the connection already held this tenant). -D first=F -D tenants=N.
\set t random(:first, :first + :tenants - 1)
SELECT set_config('role', 't_lk_' || :t, false), set_config('search_path', '"t_lk_' || :t || '"', false);
SELECT t.id, t.code, t.title, t.stage, t.contact_name, t.created_at FROM tickets t LEFT JOIN staff_members s ON s.id = t.assignee_id WHERE t.customer_id = 1 ORDER BY t.created_at DESC, t.id DESC LIMIT 20;
