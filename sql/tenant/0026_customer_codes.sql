-- C1: a customer organisation has a code, unique in the tenant (KH0001, given or generated), so
-- that two organisations of one name can be told apart: commands and the API take the code, or a
-- name only one organisation has. Organisations already there get KH and their number.
ALTER TABLE customers ADD COLUMN code text;
UPDATE customers SET code = 'KH' || lpad(id::text, 4, '0');
ALTER TABLE customers ALTER COLUMN code SET NOT NULL,
    ADD CONSTRAINT customers_code_form CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,31}$');
CREATE UNIQUE INDEX customers_code ON customers (code);
CREATE INDEX customers_name ON customers (name);
-- Generated codes count on from here (functions/next_customer_code.sql).
CREATE SEQUENCE customer_code_numbers;
SELECT setval('customer_code_numbers', coalesce(max(id), 0) + 1, false) FROM customers;
