-- A1: a staff member can be invited instead of given an initial password: the invitation mail
-- carries a link with a random token, and the member chooses their own password there, once,
-- within the invitation's lifetime. Only the token's SHA-256 is kept; choosing the password deletes
-- the row, so a link works once. Until then the member's password hash is of a random value no one
-- knows, so the account cannot be signed in to.
CREATE TABLE staff_invitations (
    staff_id bigint PRIMARY KEY REFERENCES staff_members ON DELETE CASCADE,
    token_sha256 bytea NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
