-- B3, B4, B7: filing a request in one call: the idempotency key (a repeated key returns the ticket
-- it made; two first tries at once take turns), the stored contact, the code from the counter (no
-- gaps, no duplicates; six digits at least), the ticket with the contact details as typed, its first
-- timeline entry, the assignee (the customer's account manager, else the least loaded active member
-- of the team that takes the type, the team row locked meanwhile), the files, a canned reply whose
-- keyword the title or content holds, and the key. Rules that need the application (workflow,
-- input checks, the files' bytes) are checked before; service levels and mail after, in the same
-- transaction. Only the tenant's role may call it.
CREATE OR REPLACE FUNCTION file_ticket(
    p_ticket_type text, p_code_prefix text, p_stage text, p_title text, p_content text, p_priority text,
    p_customer_id bigint, p_contact_name text, p_contact_email text, p_contact_phone text,
    p_actor_kind text, p_actor_id bigint, p_actor_name text, p_filed_by text, p_idempotency_key text, p_match_text text,
    p_file_names text[], p_file_types text[], p_file_data bytea[]
) RETURNS TABLE (ticket_id bigint, ticket_code text, created boolean)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
    v_ticket bigint;
    v_code text;
    v_contact bigint;
    v_number bigint;
    v_assignee bigint;
    v_assignee_name text;
    v_team text;
    v_reply text;
    v_owner text := CASE WHEN p_customer_id IS NOT NULL THEN 'customer:' || p_customer_id
                         WHEN p_actor_kind = 'staff' THEN 'staff' ELSE p_filed_by END;
BEGIN
    IF p_idempotency_key IS NOT NULL THEN
        -- Two first tries with one key at once: the second waits here, then finds the first's ticket.
        PERFORM pg_advisory_xact_lock(hashtextextended(current_schema() || ':idempotency:' || p_filed_by || ':' || p_idempotency_key, 0));
        SELECT t.id, t.code INTO v_ticket, v_code
        FROM idempotency_keys k JOIN tickets t ON t.id = k.ticket_id
        WHERE k.principal = p_filed_by AND k.key = p_idempotency_key;
        IF FOUND THEN
            RETURN QUERY SELECT v_ticket, v_code, false;
            RETURN;
        END IF;
    END IF;

    -- The stored contact, for suggestions and history: the same email, or the same phone and the
    -- same name ignoring case and diacritics, within the owner; else a new one. The ticket itself
    -- keeps the details as typed, whichever contact it points at.
    SELECT c.id INTO v_contact FROM contacts c
    WHERE c.owner = v_owner
      AND (c.email = p_contact_email OR (c.phone = p_contact_phone AND fold_text(c.name) = fold_text(p_contact_name)))
    ORDER BY (c.email = p_contact_email) DESC, c.id LIMIT 1;
    IF v_contact IS NULL THEN
        -- Two filings with one new email at once: the second waits for the first's row, then finds
        -- it (without locking it: a row lock held to the end of the filing deadlocked with the
        -- counter's when thirty filings came at once).
        INSERT INTO contacts (owner, customer_id, name, email, phone)
        VALUES (v_owner, p_customer_id, p_contact_name, p_contact_email, p_contact_phone)
        ON CONFLICT (owner, email) DO NOTHING
        RETURNING id INTO v_contact;
        IF v_contact IS NULL THEN
            SELECT c.id INTO v_contact FROM contacts c WHERE c.owner = v_owner AND c.email = p_contact_email;
        END IF;
    END IF;

    INSERT INTO ticket_counters AS n (code_prefix, last_number) VALUES (p_code_prefix, 1)
    ON CONFLICT (code_prefix) DO UPDATE SET last_number = n.last_number + 1
    RETURNING n.last_number INTO v_number;
    v_code := p_code_prefix || '-' || lpad(v_number::text, greatest(6, length(v_number::text)), '0');

    INSERT INTO tickets AS t (code, ticket_type, title, content, priority, customer_id, contact_id, contact_name, contact_email,
                              contact_phone, filed_by, stage)
    VALUES (v_code, p_ticket_type, p_title, p_content, p_priority, p_customer_id, v_contact, p_contact_name, p_contact_email,
            p_contact_phone, p_filed_by, p_stage)
    RETURNING t.id INTO v_ticket;
    INSERT INTO ticket_events (ticket_id, actor_kind, actor_id, actor_name, kind, to_stage, public)
    VALUES (v_ticket, p_actor_kind, p_actor_id, p_actor_name, 'created', p_stage, true);

    IF p_customer_id IS NOT NULL THEN
        SELECT s.id, s.display_name, s.team INTO v_assignee, v_assignee_name, v_team
        FROM customers c JOIN staff_members s ON s.id = c.account_manager_id
        WHERE c.id = p_customer_id AND s.active;
    END IF;
    IF v_assignee IS NULL THEN
        SELECT tm.name INTO v_team FROM teams tm WHERE p_ticket_type = ANY(tm.ticket_types) ORDER BY tm.name LIMIT 1 FOR UPDATE;
        IF v_team IS NOT NULL THEN
            SELECT s.id, s.display_name INTO v_assignee, v_assignee_name
            FROM staff_members s
            LEFT JOIN tickets o ON o.assignee_id = s.id AND o.open
            WHERE s.team = v_team AND s.active
            GROUP BY s.id, s.display_name, s.last_assigned_at
            ORDER BY count(o.id), s.last_assigned_at NULLS FIRST, s.id
            LIMIT 1;
        END IF;
    END IF;
    IF v_team IS NOT NULL THEN
        UPDATE tickets SET assignee_id = v_assignee, team = v_team WHERE id = v_ticket;
    END IF;
    IF v_assignee IS NOT NULL THEN
        UPDATE staff_members SET last_assigned_at = clock_timestamp() WHERE id = v_assignee;
        INSERT INTO ticket_events (ticket_id, actor_kind, actor_name, kind, body, public)
        VALUES (v_ticket, 'system', 'system', 'assignment', v_assignee_name, true);
    END IF;

    FOR i IN 1 .. coalesce(array_length(p_file_names, 1), 0) LOOP
        INSERT INTO attachments (ticket_id, file_name, content_type, size, data, uploaded_by)
        VALUES (v_ticket, p_file_names[i], p_file_types[i], octet_length(p_file_data[i]), p_file_data[i], p_filed_by);
        INSERT INTO ticket_events (ticket_id, actor_kind, actor_id, actor_name, kind, body, public)
        VALUES (v_ticket, p_actor_kind, p_actor_id, p_actor_name, 'attachment', p_file_names[i], true);
    END LOOP;

    SELECT r.body INTO v_reply FROM canned_replies r
    WHERE EXISTS (SELECT 1 FROM unnest(r.keywords) AS k WHERE k <> '' AND strpos(p_match_text, k) > 0)
    ORDER BY r.id LIMIT 1;
    IF v_reply IS NOT NULL THEN
        INSERT INTO ticket_events (ticket_id, actor_kind, actor_name, kind, body, public)
        VALUES (v_ticket, 'system', 'system', 'note', v_reply, true);
    END IF;

    IF p_idempotency_key IS NOT NULL THEN
        INSERT INTO idempotency_keys (principal, key, ticket_id) VALUES (p_filed_by, p_idempotency_key, v_ticket);
    END IF;
    RETURN QUERY SELECT v_ticket, v_code, true;
END
$$;

REVOKE EXECUTE ON FUNCTION file_ticket(text, text, text, text, text, text, bigint, text, text, text, text, bigint, text, text, text, text, text[], text[], bytea[]) FROM PUBLIC;
