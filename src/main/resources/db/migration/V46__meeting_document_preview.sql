-- A Word document's text as HTML, made once on upload, so that it is read in the browser
-- (a PDF opens in the browser as it is).
alter table meeting_document add column preview_html text;
