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

    PERFORM lottery_settle(array_agg(agent_id), array_agg(changed_from))
    FROM (SELECT agent_id, min(entry_date) FILTER (WHERE kind <> 'payment') AS changed_from FROM added GROUP BY agent_id) AS touched;
    RETURN NULL;
END
$$;

-- The paid part of the debt days of `p_agents` that can have changed, recomputed (only changed
-- rows are written); `p_from` is each agent's earliest day whose net changed (NULL: only payments).
-- Days before both that day and the first day not fully paid were fully paid and stay so while the
-- credit still covers them, as it does unless a day's credit shrank: then every day is recomputed.
-- So an import of new days, or a payment, settles a few weeks of days per agent, not a year.
DROP FUNCTION IF EXISTS lottery_settle(bigint[]);
CREATE OR REPLACE FUNCTION lottery_settle(p_agents bigint[], p_from date[]) RETURNS void
LANGUAGE sql AS $$
    WITH touched AS (
        SELECT t.agent_id,
               least(t.changed_from, (SELECT min(d.debt_date) FROM lottery_debt_days d WHERE d.agent_id = t.agent_id AND d.paid < greatest(d.net, 0))) AS start
        FROM unnest(p_agents, p_from) AS t (agent_id, changed_from)
    ), totals AS (
        SELECT t.agent_id, t.start, a.paid + coalesce(sum(greatest(-d.net, 0)), 0) AS credit,
               coalesce(sum(greatest(d.net, 0)) FILTER (WHERE d.debt_date < t.start), 0) AS covered
        FROM touched t JOIN lottery_agents a ON a.id = t.agent_id LEFT JOIN lottery_debt_days d ON d.agent_id = t.agent_id
        GROUP BY t.agent_id, t.start, a.paid
    ), span AS (
        SELECT agent_id,
               CASE WHEN credit >= covered THEN start ELSE '-infinity' END AS start,
               CASE WHEN credit >= covered THEN credit - covered ELSE credit END AS credit
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
