-- B12: answers staff use again and again. A new ticket whose title or content contains one of a
-- reply's keywords (kept in lower case) gets that reply at once as an automatic first answer.
CREATE TABLE canned_replies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    body text NOT NULL CHECK (length(btrim(body)) > 0),
    keywords text[] NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now()
);
