-- What a search reads of each document stays in its row (bench/library-search.sh): V28 moved every wide value out of
-- line to keep the rows narrow, which also sent number, title, issuer, summary and the title's word vector to the
-- TOAST table, so that listing the issuers read 20,000 values there and ranking 300 matches fetched 300 vectors.
-- They are kept in the row now (compressed if long); only the vector of the files' words stays out.
alter table library_document
	alter column number set storage main,
	alter column number_key set storage main,
	alter column title set storage main,
	alter column kind set storage main,
	alter column issuer set storage main,
	alter column summary set storage main,
	alter column search set storage main;
-- Rows written before take the new storage when their values are written again.
update library_document set number = number || '', number_key = number_key || '', title = title || '',
	kind = kind || '', issuer = issuer || '', summary = summary || '', search = search || ''::tsvector;
-- The issuers for the filter, read one by one through the index.
create index library_document_issuer on library_document (committee_id, issuer);
