-- I4: what the purge removes from a tenant, with how many rows of each, or only counts them
-- (`p_dry_run`): sessions that ended (expired or revoked), invitations past their time, sign-in
-- failures older than their 15-minute window, idempotency keys older than 7 days, and the tenant's
-- delivered mail older than `p_outbox_days` (row-level security keeps it to its own rows).
-- Sessions are deleted only when there are some: their statement trigger tells every instance to
-- forget the tenant's sign-ins, and a session that ended is no longer held by any instance.
CREATE OR REPLACE FUNCTION purge_expired(p_outbox_days integer, p_dry_run boolean)
RETURNS TABLE (kind text, removed bigint) LANGUAGE plpgsql AS $$
DECLARE
    v_count bigint;
BEGIN
    SELECT count(*) INTO v_count FROM sessions WHERE expires_at < now() OR revoked_at IS NOT NULL;
    IF v_count > 0 AND NOT p_dry_run THEN
        DELETE FROM sessions WHERE expires_at < now() OR revoked_at IS NOT NULL;
    END IF;
    kind := 'sessions'; removed := v_count; RETURN NEXT;

    SELECT count(*) INTO v_count FROM staff_invitations WHERE expires_at < now();
    IF v_count > 0 AND NOT p_dry_run THEN
        DELETE FROM staff_invitations WHERE expires_at < now();
    END IF;
    kind := 'invitations'; removed := v_count; RETURN NEXT;

    SELECT count(*) INTO v_count FROM sign_in_failures WHERE failed_at < now() - interval '15 minutes';
    IF v_count > 0 AND NOT p_dry_run THEN
        DELETE FROM sign_in_failures WHERE failed_at < now() - interval '15 minutes';
    END IF;
    kind := 'sign_in_failures'; removed := v_count; RETURN NEXT;

    SELECT count(*) INTO v_count FROM idempotency_keys WHERE created_at < now() - interval '7 days';
    IF v_count > 0 AND NOT p_dry_run THEN
        DELETE FROM idempotency_keys WHERE created_at < now() - interval '7 days';
    END IF;
    kind := 'idempotency_keys'; removed := v_count; RETURN NEXT;

    SELECT count(*) INTO v_count FROM platform.outbox
    WHERE status = 'sent' AND sent_at < now() - make_interval(days => p_outbox_days);
    IF v_count > 0 AND NOT p_dry_run THEN
        DELETE FROM platform.outbox WHERE status = 'sent' AND sent_at < now() - make_interval(days => p_outbox_days);
    END IF;
    kind := 'outbox'; removed := v_count; RETURN NEXT;
END
$$;
