-- B1: how the service is delivered, its scope and its hours, in both languages, and the contact
-- channels, shown on the landing page and after sign-in. One row per tenant; empty until an
-- administrator writes it.
CREATE TABLE service_introduction (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    delivery_vi text NOT NULL DEFAULT '',
    delivery_en text NOT NULL DEFAULT '',
    scope_vi text NOT NULL DEFAULT '',
    scope_en text NOT NULL DEFAULT '',
    hours_vi text NOT NULL DEFAULT '',
    hours_en text NOT NULL DEFAULT '',
    hotline text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    zalo_oa text NOT NULL DEFAULT '',
    website text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO service_introduction DEFAULT VALUES;
