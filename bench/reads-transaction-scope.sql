-- pgbench script for bench/pooler-reads, as the service login, extended protocol: the same page read
-- as `Database.reading` reads now, safe behind a transaction pooler: BEGIN READ ONLY, the scope
-- local to the transaction, the read, COMMIT (four round trips). -D first=F -D tenants=N.
\set t random(:first, :first + :tenants - 1)
BEGIN READ ONLY;
SELECT set_config('role', 't_lk_' || :t, true), set_config('search_path', '"t_lk_' || :t || '"', true);
SELECT t.id, t.code, t.title, t.stage, t.contact_name, t.created_at FROM tickets t LEFT JOIN staff_members s ON s.id = t.assignee_id WHERE t.customer_id = 1 ORDER BY t.created_at DESC, t.id DESC LIMIT 20;
COMMIT;
