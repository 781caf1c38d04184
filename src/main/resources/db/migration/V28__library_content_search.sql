-- Search of a large library stays bounded (docs/domain.md §8; bench/library-search.sh): a document's words and the
-- words of all its files' pages are kept in one vector (without positions: only which words occur), so a search
-- finds the matching documents through one GIN index and ranks only the most recent of them; the pages keep their
-- own vectors for the passage shown. A number typed in part is found through a trigram index.
create aggregate tsvector_agg(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '');

alter table library_document add column content tsvector not null default ''::tsvector;
-- The vectors live out of line, so that the rows a search walks through are narrow.
alter table library_document set (toast_tuple_target = 128);

update library_document d set content = d.search || coalesce((
	select strip(tsvector_agg(p.search)) from library_page p
	join library_file f on f.committee_id = p.committee_id and f.id = p.file_id
	where f.committee_id = d.committee_id and f.document_id = d.id), ''::tsvector);

create index library_document_content on library_document using gin (content);
create index library_document_number_trgm on library_document using gin (number_key gin_trgm_ops);
