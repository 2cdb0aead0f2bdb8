-- B3, B8, B10: the ticket read also carries what every change needs after it, so that a change
-- reads its ticket once: the language the ticket's customer reads mail in (with the ticket's
-- columns, TicketStore.ticketColumns), and the service-level clock state (when staff first
-- answered, the warnings and breaches raised), before the timeline and the files.
--
-- VOLATILE (unlike 0010's STABLE): a volatile function's queries see what earlier parts of the
-- same statement wrote, so filing can be one round trip,
-- `SELECT ... FROM file_ticket(...) f CROSS JOIN LATERAL ticket_record(f.ticket_code, false)`;
-- a stable one would read the statement's starting snapshot and miss the new ticket.
DROP FUNCTION ticket_record(text, boolean);

CREATE FUNCTION ticket_record(wanted_code text, public_only boolean)
RETURNS TABLE (
    id bigint, code text, ticket_type text, title text, content text, priority text, customer_id bigint,
    contact_id bigint, contact_name text, contact_email text, contact_phone text, filed_by text,
    assignee_id bigint, assignee_username text, assignee_name text, team text, stage text,
    created_at timestamptz, updated_at timestamptz, version integer, first_response_due timestamptz, resolution_due timestamptz,
    customer_language text,
    first_response_at timestamptz, sla_marks text[],
    event_ids bigint[], event_times timestamptz[], event_actor_kinds text[], event_actor_names text[], event_kinds text[],
    event_from_stages text[], event_to_stages text[], event_bodies text[], event_public boolean[],
    file_ids bigint[], file_names text[], file_types text[], file_sizes integer[], file_times timestamptz[]
)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT t.id, t.code, t.ticket_type, t.title, t.content, t.priority, t.customer_id, c.id, c.name, c.email, c.phone,
           t.filed_by, s.id, s.username, s.display_name, t.team, t.stage, t.created_at, t.updated_at, t.version,
           t.first_response_due, t.resolution_due, cu.language, t.first_response_at, t.sla_marks, timeline.*, files.*
    FROM tickets t JOIN contacts c ON c.id = t.contact_id LEFT JOIN staff_members s ON s.id = t.assignee_id
    LEFT JOIN customers cu ON cu.id = t.customer_id
    CROSS JOIN LATERAL (
        SELECT array_agg(e.id ORDER BY e.id), array_agg(e.occurred_at ORDER BY e.id), array_agg(e.actor_kind ORDER BY e.id),
               array_agg(e.actor_name ORDER BY e.id), array_agg(e.kind ORDER BY e.id),
               array_agg(coalesce(e.from_stage, '') ORDER BY e.id), array_agg(coalesce(e.to_stage, '') ORDER BY e.id),
               array_agg(e.body ORDER BY e.id), array_agg(e.public ORDER BY e.id)
        FROM ticket_events e WHERE e.ticket_id = t.id AND (e.public OR NOT public_only)) AS timeline
    CROSS JOIN LATERAL (
        SELECT array_agg(a.id ORDER BY a.id), array_agg(a.file_name ORDER BY a.id), array_agg(a.content_type ORDER BY a.id),
               array_agg(a.size ORDER BY a.id), array_agg(a.created_at ORDER BY a.id)
        FROM attachments a WHERE a.ticket_id = t.id) AS files
    WHERE t.code = wanted_code;
END
$$;

REVOKE EXECUTE ON FUNCTION ticket_record(text, boolean) FROM PUBLIC;
