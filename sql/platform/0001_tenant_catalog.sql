-- The tenant catalog: one row per business served. The service login reads it (granted by
-- portal-admin migrate); only the admin login changes it.
CREATE TABLE platform.tenants (
    slug text PRIMARY KEY CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    schema_name text NOT NULL UNIQUE,
    role_name text NOT NULL UNIQUE,
    display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    modules text[] NOT NULL DEFAULT '{}',
    locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
    time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    schema_version integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    status_changed_at timestamptz NOT NULL DEFAULT now()
);
