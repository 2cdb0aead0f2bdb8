-- B3, I4: a customer's ticket lookup is one statement that enters the tenant's scope itself
-- (TicketStore.record(code:publicOnly:enteringScope:)): the service login, outside any scope, calls
-- this schema's `ticket_record` by its qualified name, and PostgreSQL checks EXECUTE as the login
-- when the statement starts, before the scope is entered. So the function is executable again by
-- anyone who can reach the schema, and only two roles can: the tenant's own, and the service login,
-- which holds USAGE on every tenant schema (ServiceLogin, TenantProvisioner) and nothing in them.
-- The function runs with its caller's rights (not SECURITY DEFINER): called without the scope it
-- reads the tables as the login, and PostgreSQL refuses.
GRANT EXECUTE ON FUNCTION ticket_record(text, boolean) TO PUBLIC;
