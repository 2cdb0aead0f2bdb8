-- pgbench script for bench/lottery, as the service login: the statements the service sends for one
-- GET /lottery/me/debts (AgentFigures.debts), in the same read-only tenant scope (the tenant's rules
-- are in the service's memory). -D agents=N.
\set u random(1, :agents)
BEGIN READ ONLY;
SELECT set_config('role', 't_xs', true), set_config('search_path', '"t_xs"', true);
SELECT a.id, a.code, a.name, a.phone, a.region, (SELECT r.millionths FROM lottery_commission_rates r WHERE r.agent_id = a.id AND r.effective_on <= current_date ORDER BY r.effective_on DESC, r.id DESC LIMIT 1), a.collateral, a.active, u.username, a.balance, a.paid, a.email FROM lottery_agents a JOIN portal_users u ON u.id = a.portal_user_id WHERE a.portal_user_id = :u;
WITH days AS (SELECT debt_date, greatest(net, 0) AS due, paid, greatest(-net, 0) AS credit, current_date - debt_date AS age FROM lottery_debt_days WHERE agent_id = (SELECT id FROM lottery_agents WHERE portal_user_id = :u)) SELECT 'period', date_trunc('week', debt_date::timestamp)::date::text, sum(due)::bigint, sum(paid)::bigint FROM days GROUP BY 2 UNION ALL SELECT 'age', CASE WHEN age <= 7 THEN '0-7' WHEN age <= 30 THEN '8-30' WHEN age <= 60 THEN '31-60' ELSE '61+' END, sum(due - paid)::bigint, 0 FROM days WHERE due > paid GROUP BY 2 UNION ALL SELECT 'credit', '', (coalesce(sum(credit), 0) - coalesce(sum(paid), 0))::bigint, 0 FROM days ORDER BY 1, 2;
COMMIT;
