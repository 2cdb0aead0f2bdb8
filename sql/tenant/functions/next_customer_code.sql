-- C1: the next generated customer code, KH0001 onwards (four digits at least, more past KH9999),
-- skipping codes an operator gave by hand.
CREATE OR REPLACE FUNCTION next_customer_code() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_number bigint;
    v_code text;
BEGIN
    LOOP
        v_number := nextval('customer_code_numbers');
        v_code := 'KH' || lpad(v_number::text, greatest(4, length(v_number::text)), '0');
        EXIT WHEN NOT EXISTS (SELECT 1 FROM customers WHERE code = v_code);
    END LOOP;
    RETURN v_code;
END
$$;
