-- B10: every service-level review (each filing, move, answer and watch look) ends by saving the
-- ticket's clocks and its watch timer. As a plain statement (one UPDATE and the timer's DELETE or
-- upsert in a CTE) PostgreSQL parsed and planned it on every call: in pg_stat_statements, filing
-- across 100 tenants, 0.13 ms of planning and 0.15 ms of running each time. As the tenant's
-- function its plans are kept per connection (generic, like 0016's), and a filing's transaction,
-- in pgbench taking turns with the statement on the same connection, took 0.23-0.27 ms (11%) less.
CREATE OR REPLACE FUNCTION save_clocks(
    p_ticket_id bigint, p_first_response_due timestamptz, p_resolution_due timestamptz, p_first_response_at timestamptz,
    p_marks text[], p_next_check timestamptz
) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    UPDATE tickets SET first_response_due = p_first_response_due, resolution_due = p_resolution_due,
           first_response_at = p_first_response_at, sla_marks = p_marks
    WHERE id = p_ticket_id;
    -- No next look (every clock stopped or done): the worker has nothing to wait for.
    IF p_next_check IS NULL THEN
        DELETE FROM platform.sla_timers WHERE ticket_id = p_ticket_id;
    ELSE
        INSERT INTO platform.sla_timers (ticket_id, check_at) VALUES (p_ticket_id, p_next_check)
        ON CONFLICT (tenant_role, ticket_id) DO UPDATE SET check_at = EXCLUDED.check_at;
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION save_clocks(bigint, timestamptz, timestamptz, timestamptz, text[], timestamptz) FROM PUBLIC;
