-- The record of sql/tenant/functions/: each function file's checksum as last applied to this schema.
-- Those files hold functions whole in their current state; the migrator runs a file again, after the
-- versioned migrations, whenever its checksum differs from the one recorded here.
CREATE TABLE schema_functions (
    file_name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
