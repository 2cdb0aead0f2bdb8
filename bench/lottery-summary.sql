-- pgbench script for bench/lottery, as the service login: the statements the service sends for one
-- GET /lottery/me/summary (AgentFigures.summary), in the same read-only tenant scope, one round
-- trip each (the tenant's rules are in the service's memory, as they are here in the query). -D agents=N.
\set u random(1, :agents)
BEGIN READ ONLY;
SELECT set_config('role', 't_xs', true), set_config('search_path', '"t_xs"', true);
SELECT a.id, a.code, a.name, a.phone, a.region, (SELECT r.millionths FROM lottery_commission_rates r WHERE r.agent_id = a.id AND r.effective_on <= current_date ORDER BY r.effective_on DESC, r.id DESC LIMIT 1), a.collateral, a.active, u.username, a.balance, a.paid, a.email FROM lottery_agents a JOIN portal_users u ON u.id = a.portal_user_id WHERE a.portal_user_id = :u;
SELECT coalesce(sum(d.revenue), 0)::bigint, coalesce(sum(d.commission), 0)::bigint FROM lottery_agent_draws d JOIN lottery_draws dr ON dr.id = d.draw_id WHERE d.agent_id = (SELECT id FROM lottery_agents WHERE portal_user_id = :u) AND dr.draw_date BETWEEN date_trunc('week', current_date)::date AND date_trunc('week', current_date)::date + 6;
COMMIT;
