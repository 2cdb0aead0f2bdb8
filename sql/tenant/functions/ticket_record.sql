-- B3, B15: one ticket with its clock state, timeline and files, in one call: the most frequent read.
-- As a function its plans are kept per connection and tenant (an ordinary statement is planned
-- again on every call), generic from the first call (plan_cache_mode: a pooled connection serving
-- many tenants seldom gets past five calls of one tenant's copy). Readers of the public timeline
-- (`public_only`) get neither internal entries nor internal files. The contact is the one typed on
-- the ticket (0025). Anyone may call it: it runs with the caller's rights, so only a caller inside
-- the tenant's scope reads anything (the lookup enters the scope in the call's first argument,
-- TicketStore). Its columns are decoded by position: `TicketStore.recordColumns` lists them, and a
-- test checks that list against this function.
CREATE OR REPLACE FUNCTION ticket_record(wanted_code text, public_only boolean)
RETURNS TABLE (
    id bigint, code text, ticket_type text, title text, content text, priority text, customer_id bigint,
    contact_id bigint, contact_name text, contact_email text, contact_phone text, filed_by text,
    assignee_id bigint, assignee_username text, assignee_name text, team text, stage text,
    created_at timestamptz, updated_at timestamptz, version integer, first_response_due timestamptz, resolution_due timestamptz,
    customer_language text,
    first_response_at timestamptz, sla_marks text[],
    event_ids bigint[], event_times timestamptz[], event_actor_kinds text[], event_actor_names text[], event_kinds text[],
    event_from_stages text[], event_to_stages text[], event_bodies text[], event_public boolean[],
    file_ids bigint[], file_names text[], file_types text[], file_sizes integer[], file_times timestamptz[], file_public boolean[]
)
LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT t.id, t.code, t.ticket_type, t.title, t.content, t.priority, t.customer_id, t.contact_id,
           t.contact_name, t.contact_email, t.contact_phone,
           t.filed_by, s.id, s.username, s.display_name, t.team, t.stage, t.created_at, t.updated_at, t.version,
           t.first_response_due, t.resolution_due, cu.language, t.first_response_at, t.sla_marks, timeline.*, files.*
    FROM tickets t LEFT JOIN staff_members s ON s.id = t.assignee_id
    LEFT JOIN customers cu ON cu.id = t.customer_id
    CROSS JOIN LATERAL (
        SELECT array_agg(e.id), array_agg(e.occurred_at), array_agg(e.actor_kind), array_agg(e.actor_name), array_agg(e.kind),
               array_agg(coalesce(e.from_stage, '')), array_agg(coalesce(e.to_stage, '')), array_agg(e.body), array_agg(e.public)
        FROM (SELECT e.id, e.occurred_at, e.actor_kind, e.actor_name, e.kind, e.from_stage, e.to_stage, e.body, e.public
              FROM ticket_events e WHERE e.ticket_id = t.id AND (e.public OR NOT public_only) ORDER BY e.id) AS e) AS timeline
    CROSS JOIN LATERAL (
        SELECT array_agg(a.id), array_agg(a.file_name), array_agg(a.content_type), array_agg(a.size), array_agg(a.created_at),
               array_agg(a.public)
        FROM (SELECT a.id, a.file_name, a.content_type, a.size, a.created_at, a.public
              FROM attachments a WHERE a.ticket_id = t.id AND (a.public OR NOT public_only) ORDER BY a.id) AS a) AS files
    WHERE t.code = wanted_code;
END
$$;
GRANT EXECUTE ON FUNCTION ticket_record(text, boolean) TO PUBLIC;
