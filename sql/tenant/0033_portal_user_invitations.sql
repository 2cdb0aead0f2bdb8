-- E1, F1: a portal user's account (a lottery agent's, an employee's) can be made without a
-- password and a set-password link mailed to them, like a staff invitation (0019): only the
-- token's SHA-256 is kept, choosing the password deletes the row so the link works once, and
-- until then the password hash is of a random value no one knows.
CREATE TABLE portal_user_invitations (
    portal_user_id bigint PRIMARY KEY REFERENCES portal_users ON DELETE CASCADE,
    token_sha256 bytea NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
