-- bench/lottery step 5, as the admin login, the file on standard input: the least any import of
-- these rows must write, the fastest way there is, then rolled back. The file is COPYed into a
-- staging table; then one INSERT each, straight from it and with no checks: the rows' idempotency
-- records (erp_id, digest), the agent-draw figures, and the ledger entries, whose trigger keeps
-- balances and debt days; with -v keep_debts=off the trigger is off too (the bare writes, each
-- table with its indexes and foreign keys). The draws exist: the import of the same file made them.
BEGIN;
SET LOCAL search_path = t_xs;
\if :keep_debts
\else
ALTER TABLE lottery_ledger DISABLE TRIGGER lottery_book;
\endif
CREATE TEMP TABLE staging (erp_id text, kind text, agent_code text, date text, product text, tickets text, unit_price text, amount text, ticket_no text, note text) ON COMMIT DROP;
\copy staging FROM pstdin WITH (FORMAT csv, HEADER true)
INSERT INTO lottery_imports (file_name, actor, applied, skipped) VALUES ('floor', 'bench', 0, 0);
INSERT INTO lottery_imported_rows (erp_id, content_sha256, import_id)
SELECT erp_id || '-floor', sha256(convert_to(concat_ws(',', kind, agent_code, date, product, tickets, unit_price, amount, ticket_no, note), 'UTF8')),
       currval(pg_get_serial_sequence('lottery_imports', 'id'))
FROM staging;
CREATE TEMP TABLE booked ON COMMIT DROP AS
SELECT a.id AS agent_id, dr.id AS draw_id, s.date::date AS draw_date, s.tickets::bigint AS tickets, s.tickets::bigint * 9000 AS due
FROM staging s JOIN lottery_agents a ON a.code = s.agent_code JOIN lottery_products p ON p.code = s.product
JOIN lottery_draws dr ON dr.product_id = p.id AND dr.draw_date = s.date::date;
INSERT INTO lottery_agent_draws AS d (agent_id, draw_id, allocated, price, revenue, commission, amount_due)
SELECT agent_id, draw_id, tickets, 10000, tickets * 10000, tickets * 1000, due FROM booked
ON CONFLICT (agent_id, draw_id) DO UPDATE SET allocated = d.allocated + EXCLUDED.allocated, amount_due = d.amount_due + EXCLUDED.amount_due;
INSERT INTO lottery_ledger (agent_id, kind, entry_date, amount, draw_id, actor) SELECT agent_id, 'draw', draw_date, due, draw_id, 'bench' FROM booked;
ROLLBACK;
