-- A search is one committee's (docs/scale.md, "Searching one committee"): each text-search index leads with the
-- committee key, so that PostgreSQL finds a committee's matches inside the index instead of every committee's
-- matches filtered afterwards. "nguyen van" matches one member in eleven in every committee: beside 2,000
-- committees an index of the names alone would hand over some 90,000 rows to find one committee's 900. btree_gin
-- (a trusted extension shipped with PostgreSQL, like pg_trgm) lets the committee key stand in a GIN index.
create extension if not exists btree_gin;

create index member_committee_search on member using gin (committee_id, search_text gin_trgm_ops);
drop index member_search;

create index news_article_committee_search on news_article using gin (committee_id, search_text gin_trgm_ops);
drop index news_article_search;

create index library_document_committee_search on library_document using gin (committee_id, search);
drop index library_document_search;
create index library_document_committee_content on library_document using gin (committee_id, content);
drop index library_document_content;
create index library_document_committee_number on library_document using gin (committee_id, number_key gin_trgm_ops);
drop index library_document_number_trgm;
create index library_page_committee_search on library_page using gin (committee_id, search);
drop index library_page_search;
