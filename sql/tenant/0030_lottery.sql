-- E1-E7 (issue 19): the lottery distributor's agents, products and draws, what each agent did
-- with each draw, and the append-only ledger of money from which each agent's balance and debts
-- are kept current. Money is whole đồng (bigint); rates are millionths (0.10 = 100000), never
-- floating point. Every tenant gets these tables; module `lottery` decides who sees them.

-- The tenant's rules: the debt period, the payout fee, and the debt/collateral ratios (percent)
-- above which an agent is warned, and blocked from new allocations.
CREATE TABLE lottery_settings (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    period_kind text NOT NULL DEFAULT 'week' CHECK (period_kind IN ('week', 'month')),
    payout_fee_millionths bigint NOT NULL DEFAULT 2000 CHECK (payout_fee_millionths BETWEEN 0 AND 2000),
    warning_percent integer NOT NULL DEFAULT 80 CHECK (warning_percent BETWEEN 1 AND 1000),
    limit_percent integer NOT NULL DEFAULT 100 CHECK (limit_percent BETWEEN 1 AND 1000)
);
INSERT INTO lottery_settings DEFAULT VALUES;

-- E1: an agent, with the portal account they sign in with. `balance` (owed by the agent; negative:
-- owed to them) and `paid` (every payment's sum) are kept by lottery_book (functions/lottery.sql).
CREATE TABLE lottery_agents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,31}$'),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    phone text NOT NULL CHECK (phone ~ '^\+?[0-9]{8,15}$'),
    region text NOT NULL DEFAULT '' CHECK (length(region) <= 100),
    collateral bigint NOT NULL DEFAULT 0 CHECK (collateral >= 0),
    active boolean NOT NULL DEFAULT true,
    portal_user_id bigint NOT NULL UNIQUE REFERENCES portal_users,
    balance bigint NOT NULL DEFAULT 0,
    paid bigint NOT NULL DEFAULT 0 CHECK (paid >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lottery_agents_region ON lottery_agents (region, code);

-- E1, E7: an agent's commission rate from a day on (at most 15%, Circular 138/2017); a draw is
-- settled at the rate in force on its date, the latest recorded for it when a day has two. The
-- first rate counts from the start ('-infinity'). Append-only: a new rate is a new row.
CREATE TABLE lottery_commission_rates (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id bigint NOT NULL REFERENCES lottery_agents,
    effective_on date NOT NULL,
    millionths bigint NOT NULL CHECK (millionths BETWEEN 0 AND 150000),
    actor text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lottery_commission_rates_agent ON lottery_commission_rates (agent_id, effective_on, id);

-- E4: every collateral amount an agent has had (thế chấp), newest last.
CREATE TABLE lottery_collateral_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id bigint NOT NULL REFERENCES lottery_agents,
    amount bigint NOT NULL CHECK (amount >= 0),
    reason text NOT NULL DEFAULT '',
    actor text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lottery_collateral_changes_agent ON lottery_collateral_changes (agent_id, id);
REVOKE UPDATE, DELETE, TRUNCATE ON lottery_commission_rates, lottery_collateral_changes FROM CURRENT_USER;

CREATE TABLE lottery_products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,31}$'),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    price bigint NOT NULL CHECK (price > 0),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lottery_draws (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES lottery_products,
    draw_date date NOT NULL,
    UNIQUE (product_id, draw_date)
);

-- E3, E7: one agent's figures for one draw, and the settlement last booked to the ledger for them
-- (DrawSettlement, at the draw's price and the agent's rate on its date), so that a change books
-- only the difference.
CREATE TABLE lottery_agent_draws (
    agent_id bigint NOT NULL REFERENCES lottery_agents,
    draw_id bigint NOT NULL REFERENCES lottery_draws,
    allocated bigint NOT NULL DEFAULT 0 CHECK (allocated >= 0),
    -- The ticket price of the allocation (the product's unless the ERP gave one).
    price bigint NOT NULL DEFAULT 0 CHECK (price >= 0),
    returned bigint NOT NULL DEFAULT 0 CHECK (returned >= 0 AND returned <= allocated),
    prizes_paid bigint NOT NULL DEFAULT 0 CHECK (prizes_paid >= 0),
    revenue bigint NOT NULL DEFAULT 0,
    commission bigint NOT NULL DEFAULT 0,
    payout_fee bigint NOT NULL DEFAULT 0,
    amount_due bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (agent_id, draw_id)
);

-- E3: winning tickets (with their prize tier) and invalid ones (with the reason), per agent and draw.
CREATE TABLE lottery_tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id bigint NOT NULL REFERENCES lottery_agents,
    draw_id bigint NOT NULL REFERENCES lottery_draws,
    kind text NOT NULL CHECK (kind IN ('winning', 'invalid')),
    ticket_no text NOT NULL CHECK (length(ticket_no) BETWEEN 1 AND 40),
    amount bigint CHECK (amount > 0),
    note text NOT NULL DEFAULT '',
    CHECK ((kind = 'winning') = (amount IS NOT NULL))
);
CREATE INDEX lottery_tickets_agent ON lottery_tickets (agent_id, draw_id);

-- E6: every money movement, never changed: a draw's amount due (or the difference when its figures
-- change), a payment, an adjustment (signed, with its reason). `amount` is what the agent owes more
-- (a payment's is what they paid). `entry_date` is the draw's date, the payment's, or the day an
-- adjustment counts from.
CREATE TABLE lottery_ledger (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id bigint NOT NULL REFERENCES lottery_agents,
    kind text NOT NULL CHECK (kind IN ('draw', 'payment', 'adjustment')),
    entry_date date NOT NULL,
    amount bigint NOT NULL CHECK (kind <> 'payment' OR amount > 0),
    draw_id bigint REFERENCES lottery_draws CHECK ((kind = 'draw') = (draw_id IS NOT NULL)),
    note text NOT NULL DEFAULT '',
    actor text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lottery_ledger_agent ON lottery_ledger (agent_id, entry_date, id);
REVOKE UPDATE, DELETE, TRUNCATE ON lottery_ledger FROM CURRENT_USER;

-- E2: an agent's debt by draw date, kept current from the ledger in the same transaction as each
-- entry (functions/lottery.sql): `net` is the day's draws and adjustments, `paid` what credit
-- (payments, and days that came to less than nothing) settled of it, oldest day first.
CREATE TABLE lottery_debt_days (
    agent_id bigint NOT NULL REFERENCES lottery_agents,
    debt_date date NOT NULL,
    net bigint NOT NULL DEFAULT 0,
    paid bigint NOT NULL DEFAULT 0 CHECK (paid >= 0),
    PRIMARY KEY (agent_id, debt_date)
);

-- E6: each row ever imported from the ERP, by its `erp_id`, with a digest of its content: the same
-- row again is skipped, the same id with other content refused.
CREATE TABLE lottery_imports (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name text NOT NULL,
    actor text NOT NULL,
    applied integer NOT NULL,
    skipped integer NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE lottery_imported_rows (
    erp_id text PRIMARY KEY CHECK (length(erp_id) BETWEEN 1 AND 100),
    content_sha256 bytea NOT NULL,
    import_id bigint NOT NULL REFERENCES lottery_imports
);
