-- bench/lookup: one tenant's tickets, set-based, in one transaction, as the tenant's own role (so
-- ownership and privileges are as in production). Run by psql as the database owner with
--   -v schema=t_lk_NNN -v customer='Khách hàng NNN' -v num=NNN -v n=TICKETS
-- The customer exists already (portal-admin token issue). Each ticket is HT-000001.. with a
-- 'created' event, as a customer filing it through the API would leave it.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL ROLE :"schema";
SET LOCAL search_path = :"schema";
WITH cu AS (
    SELECT id FROM customers WHERE name = :'customer'
), co AS (
    INSERT INTO contacts (owner, customer_id, name, email, phone)
    SELECT 'customer:' || id, id, 'Nguyễn Văn ' || :'num', 'lien-he-' || :'num' || '@example.vn', '09' || lpad(:'num', 8, '0') FROM cu
    RETURNING id, customer_id, name, email, phone
), tk AS (
    INSERT INTO tickets (code, ticket_type, title, content, priority, customer_id, contact_id, contact_name, contact_email, contact_phone,
                         filed_by, stage, created_at, updated_at)
    SELECT 'HT-' || lpad(g::text, 6, '0'), 'support', 'Yêu cầu hỗ trợ số ' || g,
           'Máy in tầng ' || (g % 9 + 1) || ' không in được, nhờ kiểm tra giúp. Printer on floor ' || (g % 9 + 1) || ' does not print.',
           'normal', co.customer_id, co.id, co.name, co.email, co.phone, 'customer:' || co.customer_id, 'received', ts, ts
    FROM co, generate_series(1, :n) AS g, LATERAL (SELECT now() - (:n - g) * interval '1 minute' AS ts) AS at
    RETURNING id, created_at
)
INSERT INTO ticket_events (ticket_id, occurred_at, actor_kind, actor_id, actor_name, kind, to_stage, public)
SELECT tk.id, tk.created_at, 'customer', cu.id, :'customer', 'created', 'received', true FROM tk, cu;
INSERT INTO ticket_counters (code_prefix, last_number) VALUES ('HT', :n)
ON CONFLICT (code_prefix) DO UPDATE SET last_number = EXCLUDED.last_number;
COMMIT;
