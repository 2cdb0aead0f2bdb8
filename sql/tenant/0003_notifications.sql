-- B8: which ticket events send mail to the ticket's contact. One row per tenant.
CREATE TABLE notification_settings (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    on_created boolean NOT NULL DEFAULT true,
    -- stage keys whose reaching sends "your request moved on" (terminal stages send "completed")
    on_stages text[] NOT NULL DEFAULT '{}',
    on_completed boolean NOT NULL DEFAULT true
);
INSERT INTO notification_settings DEFAULT VALUES;

-- B8: the language a customer organisation's mail is written in; NULL means the tenant's.
ALTER TABLE customers ADD COLUMN language text CHECK (language IN ('vi', 'en'));

-- B10, B11: staff get an email for escalations; a team has a lead who hears about them.
ALTER TABLE staff_members ADD COLUMN email text NOT NULL DEFAULT '';
CREATE TABLE teams (
    name text PRIMARY KEY CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    lead_id bigint REFERENCES staff_members
);

-- B9: one rating per ticket, given once from the completion mail's signed link.
CREATE TABLE ratings (
    ticket_id bigint PRIMARY KEY REFERENCES tickets,
    handling smallint NOT NULL CHECK (handling BETWEEN 1 AND 5),
    attitude smallint NOT NULL CHECK (attitude BETWEEN 1 AND 5),
    comment text NOT NULL DEFAULT '',
    rated_at timestamptz NOT NULL DEFAULT now()
);
REVOKE UPDATE, DELETE, TRUNCATE ON ratings FROM CURRENT_USER;

-- New timeline entries: a rating, a priority change, SLA warnings and breaches, escalations.
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN (
    'created', 'transition', 'assignment', 'note', 'message', 'attachment',
    'rating', 'priority', 'sla_warning', 'sla_breach', 'escalation'));
