-- A library Word file's text as HTML, made once on upload, so that it is read in the
-- browser as a meeting's documents are (V46); files kept before are converted by V49.
alter table library_file add column preview_html text;
