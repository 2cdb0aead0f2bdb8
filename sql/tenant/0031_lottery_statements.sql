-- E5 (issue 19): debt periods staff close, and the statement each agent with activity in one gets:
-- the balance the period opened with, what its draws, adjustments and payments came to, and the
-- balance it closed with. A closed period's entries never change (functions/lottery.sql refuses
-- an entry dated in one; a later correction is an adjustment in an open period), so neither do its
-- statements. The agent confirms a statement or disputes it; a dispute opens a ticket.
CREATE TABLE lottery_periods (
    start_date date PRIMARY KEY,
    end_date date NOT NULL CHECK (end_date >= start_date),
    name text NOT NULL UNIQUE,
    closed_at timestamptz NOT NULL DEFAULT now(),
    closed_by text NOT NULL
);

CREATE TABLE lottery_statements (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_start date NOT NULL REFERENCES lottery_periods,
    agent_id bigint NOT NULL REFERENCES lottery_agents,
    opening_balance bigint NOT NULL,
    draws bigint NOT NULL,
    adjustments bigint NOT NULL,
    payments bigint NOT NULL,
    closing_balance bigint NOT NULL,
    state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'confirmed', 'disputed')),
    answered_at timestamptz,
    dispute_reason text,
    ticket_id bigint REFERENCES tickets,
    UNIQUE (agent_id, period_start)
);
CREATE INDEX lottery_statements_period ON lottery_statements (period_start, agent_id);

-- Where mail reaches an agent (a dispute's ticket writes to it); optional.
ALTER TABLE lottery_agents ADD COLUMN email text CHECK (email IS NULL OR length(email) <= 200);
