-- B4: a ticket keeps the contact details typed on it. Until now it pointed at a stored contact and
-- showed that contact's details: a staff-filed request for owner B who gave a phone already on file
-- got owner A's name and email, and the mail about B's request went to A. The receipt and every
-- mail of a ticket now go to the email typed on it, and public tracking checks the phone typed on
-- it. The stored contact stays, for suggestions and history, and is reused only for the same email,
-- or the same phone and the same name (ignoring case and diacritics), within its owner
-- (functions/file_ticket.sql): a phone alone no longer matches, so it is no longer unique.
ALTER TABLE tickets ADD COLUMN contact_name text, ADD COLUMN contact_email text, ADD COLUMN contact_phone text;
UPDATE tickets t SET contact_name = c.name, contact_email = c.email, contact_phone = c.phone
FROM contacts c WHERE c.id = t.contact_id;
ALTER TABLE tickets ALTER COLUMN contact_name SET NOT NULL, ALTER COLUMN contact_email SET NOT NULL,
    ALTER COLUMN contact_phone SET NOT NULL;
DROP INDEX contacts_owner_phone;
CREATE INDEX contacts_owner_phone ON contacts (owner, phone);
