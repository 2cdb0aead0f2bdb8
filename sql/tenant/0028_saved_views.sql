-- B13 (issue 18): the views a staff member saved on the ticket table: a name and the table's
-- query as its address has it (`q=...&assignee=me&sort=-updated`), read back with the same checks
-- as any address. A member's views are their own; they go with the member.
CREATE TABLE saved_views (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id bigint NOT NULL REFERENCES staff_members ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    query text NOT NULL CHECK (length(query) <= 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (staff_id, name)
);
