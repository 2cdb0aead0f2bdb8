-- I4: a sign-in attempt counts as failed from the moment it starts, and is forgiven only when its
-- password or token proves right. The check "locked out?" and the recording of a failure used to be
-- steps apart, around a bcrypt check of a tenth of a second, so fifty guesses sent at once all
-- passed the check before the first failure was written. Each attempt now takes its subjects'
-- transaction locks, checks, and records itself in one transaction; a success removes its own
-- record by id (and the username's earlier failures, not the address's: a valid sign-in of one's
-- own does not wipe the guesses made from one's address).
ALTER TABLE sign_in_failures ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
