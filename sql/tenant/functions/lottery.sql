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

    PERFORM lottery_settle(ARRAY(SELECT DISTINCT agent_id FROM added));
    RETURN NULL;
END
$$;

-- The paid part of every debt day of `p_agents`, recomputed (only changed rows are written).
CREATE OR REPLACE FUNCTION lottery_settle(p_agents bigint[]) RETURNS void
LANGUAGE sql AS $$
    WITH credit AS (
        SELECT a.id AS agent_id,
               a.paid + coalesce((SELECT sum(-d.net) FROM lottery_debt_days d WHERE d.agent_id = a.id AND d.net < 0), 0) AS amount
        FROM lottery_agents a WHERE a.id = ANY (p_agents)
    ), settled AS (
        SELECT d.agent_id, d.debt_date,
               least(greatest(d.net, 0), greatest(0, c.amount - coalesce(sum(greatest(d.net, 0)) OVER (
                   PARTITION BY d.agent_id ORDER BY d.debt_date ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS paid
        FROM lottery_debt_days d JOIN credit c USING (agent_id)
    )
    UPDATE lottery_debt_days d SET paid = s.paid
    FROM settled s
    WHERE d.agent_id = s.agent_id AND d.debt_date = s.debt_date AND d.paid <> s.paid
$$;

DROP TRIGGER IF EXISTS lottery_book ON lottery_ledger;
CREATE TRIGGER lottery_book AFTER INSERT ON lottery_ledger
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION lottery_book();
