-- What was signed: when the second signature lands, the SHA-256 of the minutes as the document shows them
-- (attendance, roster, guests, agenda items, text, speeches, targets, tasks, proposals, signatures) and the
-- version of the text it was taken from. Amendments later change the document, never this seal, so the page can
-- say whether what it shows is still what was signed.
alter table meeting_minutes add column signed_hash text, add column signed_version integer;
