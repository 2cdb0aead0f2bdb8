-- F1-F4 (issue 20): the HR office's employee records. Each record comes with the employee's
-- portal account (kind `employee`), made in the same transaction; the record's leaving date is the
-- account's last day (`portal_users.active_until` is its midnight in the tenant's zone), so sign-in
-- and every request of an open session stop at once, on every instance (0009's notice). Every
-- tenant gets these tables; module `hr` decides who sees them.

-- The tenant's rule for a new employee's first sign-in: a set-password link mailed to them (once,
-- within 72 hours), or an initial password shown once to HR. Without an email, a password.
CREATE TABLE hr_settings (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    activation text NOT NULL DEFAULT 'link' CHECK (activation IN ('link', 'password'))
);
INSERT INTO hr_settings DEFAULT VALUES;

CREATE TABLE hr_employees (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,31}$'),
    full_name text NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
    email text CHECK (email IS NULL OR length(email) <= 254),
    phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 20),
    department text NOT NULL DEFAULT '' CHECK (length(department) <= 100),
    position text NOT NULL DEFAULT '' CHECK (length(position) <= 100),
    start_date date NOT NULL,
    leaving_date date CHECK (leaving_date IS NULL OR leaving_date >= start_date),
    portal_user_id bigint NOT NULL UNIQUE REFERENCES portal_users,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- One employee per email, whatever its case.
CREATE UNIQUE INDEX hr_employees_email ON hr_employees (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX hr_employees_department ON hr_employees (department, code);
