-- E2, E6 (issue 19): each agent's balance and debts by draw date, kept current from the ledger in
-- the same statement that adds entries to it, so a read never sums the ledger. Set-based: an
-- import of a hundred thousand entries is one pass per table. The rule (LotterySettlement's
-- DebtLedger, which `lottery verify` recomputes from the entries): a day's net is its draws and
-- adjustments; credit is every payment plus every day that came to less than nothing; credit
-- settles the oldest days first, so a day's paid part is the credit less all older days' debts,
-- up to its own.
CREATE OR REPLACE FUNCTION lottery_book() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    closed text;
BEGIN
    -- E5: a closed period's figures never change.
    SELECT p.name INTO closed FROM added a JOIN lottery_periods p ON a.entry_date BETWEEN p.start_date AND p.end_date LIMIT 1;
    IF closed IS NOT NULL THEN
        RAISE EXCEPTION 'debt period % is closed', closed USING ERRCODE = 'check_violation';
    END IF;

    INSERT INTO lottery_debt_days AS d (agent_id, debt_date, net)
    SELECT agent_id, entry_date, sum(amount) FROM added WHERE kind <> 'payment' GROUP BY agent_id, entry_date
    ON CONFLICT (agent_id, debt_date) DO UPDATE SET net = d.net + EXCLUDED.net;

    UPDATE lottery_agents a
    SET balance = a.balance + change.owed - change.paid, paid = a.paid + change.paid
    FROM (
        SELECT agent_id, sum(amount) FILTER (WHERE kind <> 'payment') AS owed_sum, sum(amount) FILTER (WHERE kind = 'payment') AS paid_sum
        FROM added GROUP BY agent_id
    ) AS sums, LATERAL (SELECT coalesce(sums.owed_sum, 0) AS owed, coalesce(sums.paid_sum, 0) AS paid) AS change
    WHERE a.id = sums.agent_id;

    -- Per agent: the earliest day whose net changed, and whether the credit changed (a payment,
    -- or a day below zero before or after its change).
    PERFORM lottery_settle(array_agg(agent_id), array_agg(changed_from), array_agg(credit_changed))
    FROM (
        SELECT c.agent_id, min(c.entry_date) FILTER (WHERE c.delta IS NOT NULL) AS changed_from,
               coalesce(bool_or(c.paid > 0 OR least(d.net, d.net - c.delta) < 0), false) AS credit_changed
        FROM (
            SELECT agent_id, entry_date, sum(amount) FILTER (WHERE kind <> 'payment') AS delta, sum(amount) FILTER (WHERE kind = 'payment') AS paid
            FROM added GROUP BY agent_id, entry_date
        ) AS c
        LEFT JOIN lottery_debt_days d ON d.agent_id = c.agent_id AND d.debt_date = c.entry_date AND c.delta IS NOT NULL
        GROUP BY c.agent_id
    ) AS touched;
    RETURN NULL;
END
$$;

-- The paid part of the debt days of `p_agents` that can have changed, recomputed (only changed
-- rows are written). A day's paid part depends only on the credit and the older days, so:
-- - the credit unchanged (`p_credit_changed` false): the days from the agent's earliest changed
--   day (`p_from`) on;
-- - the credit changed: also the days from the first one not fully paid; those before both were
--   fully paid and stay so while the credit still covers them, unless a day's credit shrank and
--   it no longer does: then every day.
-- So an import of new days, or a payment, settles a few weeks of days per agent, not a year.
DROP FUNCTION IF EXISTS lottery_settle(bigint[]);
DROP FUNCTION IF EXISTS lottery_settle(bigint[], date[]);
CREATE OR REPLACE FUNCTION lottery_settle(p_agents bigint[], p_from date[], p_credit_changed boolean[]) RETURNS void
LANGUAGE sql AS $$
    -- Materialized: each agent's first unpaid day is looked up once, not once per day joined to it.
    WITH touched AS MATERIALIZED (
        SELECT t.agent_id, t.credit_changed,
               CASE WHEN t.credit_changed THEN least(t.changed_from, (
                   SELECT min(d.debt_date) FROM lottery_debt_days d WHERE d.agent_id = t.agent_id AND d.paid < greatest(d.net, 0)))
               ELSE t.changed_from END AS start
        FROM unnest(p_agents, p_from, p_credit_changed) AS t (agent_id, changed_from, credit_changed)
    ), totals AS (
        SELECT t.agent_id, t.start, t.credit_changed, a.paid + coalesce(sum(greatest(-d.net, 0)), 0) AS credit,
               coalesce(sum(greatest(d.net, 0)) FILTER (WHERE d.debt_date < t.start), 0) AS covered
        FROM touched t JOIN lottery_agents a ON a.id = t.agent_id LEFT JOIN lottery_debt_days d ON d.agent_id = t.agent_id
        GROUP BY t.agent_id, t.start, t.credit_changed, a.paid
    ), span AS (
        SELECT agent_id,
               CASE WHEN credit >= covered OR NOT credit_changed THEN start ELSE '-infinity' END AS start,
               CASE WHEN credit >= covered OR NOT credit_changed THEN credit - covered ELSE credit END AS credit
        FROM totals
    ), settled AS (
        SELECT d.agent_id, d.debt_date,
               least(greatest(d.net, 0), greatest(0, s.credit - coalesce(sum(greatest(d.net, 0)) OVER (
                   PARTITION BY d.agent_id ORDER BY d.debt_date ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS paid
        FROM span s JOIN lottery_debt_days d ON d.agent_id = s.agent_id AND d.debt_date >= s.start
    )
    UPDATE lottery_debt_days d SET paid = s.paid
    FROM settled s
    WHERE d.agent_id = s.agent_id AND d.debt_date = s.debt_date AND d.paid <> s.paid
$$;

DROP TRIGGER IF EXISTS lottery_book ON lottery_ledger;
CREATE TRIGGER lottery_book AFTER INSERT ON lottery_ledger
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION lottery_book();
