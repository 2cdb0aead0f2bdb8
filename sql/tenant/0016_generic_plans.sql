-- B3, I4: the tenant functions on every request's path keep one plan per connection. PostgreSQL
-- plans a function's statements afresh ("custom plans") for their first five runs in a connection
-- before it settles on a generic plan; a pooled connection serves every tenant, and each tenant has
-- its own copy of these functions, so on a busy platform most runs were among a copy's first five.
-- pg_stat_statements, filing across 100 tenants on a pool of 4: three in four of file_ticket's and
-- ticket_record's statements were planned again, ticket_record's read at 0.9 ms a plan against
-- 0.13 ms to run it. Their statements look rows up by key, so the generic plan is the custom one.
-- A later CREATE OR REPLACE of one of them must say `SET plan_cache_mode` again, or loses it (tested).
ALTER FUNCTION ticket_record(text, boolean) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION file_ticket(text, text, text, text, text, text, bigint, text, text, text, text, bigint, text, text, text, text, text[], text[], bytea[])
    SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION notify_ticket_event() SET plan_cache_mode = force_generic_plan;
