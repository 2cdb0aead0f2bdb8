-- I4: nothing grows without end. One row says when the purge (expired sessions and invitations,
-- old sign-in failures, idempotency keys and delivered mail) is next due. Every `serve` instance
-- looks now and then; the one whose UPDATE moves the time on runs the purge, so one instance at a
-- time does it, through a transaction pooler too (no session lock is needed).
CREATE TABLE platform.purge_schedule (
    single boolean PRIMARY KEY DEFAULT true CHECK (single),
    next_run_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO platform.purge_schedule DEFAULT VALUES;
