-- bench/lottery: one distributor's year, set-based, as the tenant's own role. Run by psql as the
-- database owner with -v schema=t_SLUG -v agents=N -v days=D. Agent DL0001 exists already
-- (portal-admin agent create, so its password hash is real); the others are made here with the
-- same hash. Each agent takes tickets of product XSMN-HCM every day of the D days before today,
-- returns some, sometimes pays prizes; each draw's settlement is worked out as DrawSettlement does
-- (10% commission, 0.2% fee, halves up) and booked to the ledger with a payment every Monday, in
-- one INSERT each, so the ledger's statement trigger keeps balances and debt days as it does for
-- an import. `portal-admin lottery verify` checks the result afterwards.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL ROLE :"schema";
SET LOCAL search_path = :"schema";
SELECT setseed(0.19) \g /dev/null

WITH users AS (
    INSERT INTO portal_users (username, display_name, password_hash, kind)
    SELECT 'dl' || lpad(g::text, 4, '0'), 'Đại lý ' || g, (SELECT password_hash FROM portal_users WHERE username = 'dl0001'), 'agent'
    FROM generate_series(2, :agents) AS g
    RETURNING id, username
), agents AS (
    INSERT INTO lottery_agents (code, name, phone, region, collateral, portal_user_id)
    SELECT upper(username), 'Đại lý ' || username, '09' || lpad(id::text, 8, '0'),
           (ARRAY['Tây Ninh', 'Bình Dương', 'Long An', 'TP. Hồ Chí Minh'])[1 + id % 4], 2000000000, id
    FROM users RETURNING id
)
INSERT INTO lottery_commission_rates (agent_id, effective_on, millionths, actor)
SELECT id, '-infinity', 100000, 'bench' FROM agents;

INSERT INTO lottery_draws (product_id, draw_date)
SELECT p.id, current_date - d FROM lottery_products p, generate_series(1, :days) AS d WHERE p.code = 'XSMN-HCM';

CREATE TEMPORARY TABLE figures ON COMMIT DROP AS
SELECT a.id AS agent_id, dr.id AS draw_id, dr.draw_date, f.allocated, f.returned, f.prizes, 10000::bigint AS price
FROM lottery_agents a CROSS JOIN lottery_draws dr,
     LATERAL (SELECT 200 + floor(random() * 800)::bigint AS allocated) AS x,
     LATERAL (SELECT x.allocated, floor(random() * x.allocated * 0.2)::bigint AS returned,
                     CASE WHEN random() < 0.3 THEN (1 + floor(random() * 20))::bigint * 100000 ELSE 0 END AS prizes) AS f;

INSERT INTO lottery_agent_draws (agent_id, draw_id, allocated, price, returned, prizes_paid, revenue, commission, payout_fee, amount_due)
SELECT agent_id, draw_id, allocated, price, returned, prizes, revenue, commission, fee, revenue - commission - prizes - fee
FROM figures, LATERAL (SELECT (allocated - returned) * price AS revenue) AS r,
     LATERAL (SELECT floor((r.revenue * 100000 + 500000) / 1000000)::bigint AS commission, floor((prizes * 2000 + 500000) / 1000000)::bigint AS fee) AS s;

INSERT INTO lottery_ledger (agent_id, kind, entry_date, amount, draw_id, note, actor)
SELECT d.agent_id, 'draw', dr.draw_date, d.amount_due, d.draw_id, '', 'bench'
FROM lottery_agent_draws d JOIN lottery_draws dr ON dr.id = d.draw_id
UNION ALL
SELECT agent_id, 'payment', draw_date, 20000000 + (agent_id % 7) * 1000000, NULL, 'Chuyển khoản', 'bench'
FROM (SELECT DISTINCT agent_id, draw_date FROM figures WHERE extract(isodow FROM draw_date) = 1) AS mondays;
COMMIT;
