-- I4: the purge (functions/purge_expired.sql) finds old rows by time, without scanning for them.
CREATE INDEX sign_in_failures_age ON sign_in_failures (failed_at);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
CREATE INDEX sessions_end ON sessions (expires_at);
