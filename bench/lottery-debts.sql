-- pgbench script for bench/lottery, as the service login: the statements the service sends for one
-- GET /lottery/me/debts (AgentFigures.debts), in the same read-only tenant scope. -D agents=N.
\set u random(1, :agents)
BEGIN READ ONLY;
SELECT set_config('role', 't_xs', true), set_config('search_path', '"t_xs"', true);
SELECT a.id, a.code, a.name, a.phone, a.region, (SELECT r.millionths FROM lottery_commission_rates r WHERE r.agent_id = a.id AND r.effective_on <= current_date ORDER BY r.effective_on DESC, r.id DESC LIMIT 1), a.collateral, a.active, u.username, a.balance, a.paid, a.email FROM lottery_agents a JOIN portal_users u ON u.id = a.portal_user_id WHERE a.portal_user_id = :u;
SELECT period_kind, payout_fee_millionths, warning_percent, limit_percent FROM lottery_settings;
SELECT debt_date::text, net, paid FROM lottery_debt_days WHERE agent_id = (SELECT id FROM lottery_agents WHERE portal_user_id = :u) ORDER BY debt_date;
COMMIT;
