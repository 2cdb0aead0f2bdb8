-- B10: the business calendar service levels are counted in: weekly hours (as `portal-admin` and
-- the API write them, e.g. 'mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00'), holidays such as
-- Tết, and a time zone (NULL: the tenant's own).
CREATE TABLE business_calendar (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    weekly_hours text NOT NULL DEFAULT 'mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00',
    time_zone text
);
INSERT INTO business_calendar DEFAULT VALUES;

CREATE TABLE holidays (
    day date PRIMARY KEY,
    name text NOT NULL DEFAULT ''
);

-- Targets in business minutes per team and priority; team '' applies to every team without its own.
CREATE TABLE sla_policies (
    team text NOT NULL DEFAULT '',
    priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    first_response_minutes integer NOT NULL CHECK (first_response_minutes > 0),
    resolution_minutes integer NOT NULL CHECK (resolution_minutes > 0),
    PRIMARY KEY (team, priority)
);
INSERT INTO sla_policies (team, priority, first_response_minutes, resolution_minutes) VALUES
    ('', 'urgent', 30, 240),
    ('', 'high', 60, 480),
    ('', 'normal', 240, 1440),
    ('', 'low', 480, 2880);

-- Stages that stop the clocks while a ticket waits on the customer.
ALTER TABLE workflow_stages ADD COLUMN pauses_clock boolean NOT NULL DEFAULT false;
UPDATE workflow_stages SET pauses_clock = true WHERE stage = 'waiting_customer';

-- Each ticket's clocks as last computed, for lists and queues ("breaching soon"); the watch
-- worker recomputes them from the timeline. `sla_marks` records the warnings and breaches raised.
ALTER TABLE tickets
    ADD COLUMN first_response_due timestamptz,
    ADD COLUMN resolution_due timestamptz,
    ADD COLUMN first_response_at timestamptz,
    ADD COLUMN sla_marks text[] NOT NULL DEFAULT '{}';
