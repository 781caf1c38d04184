-- Lists count the members of a scope (a set of branches) on every page; this index lets PostgreSQL answer
-- the count from the index alone.
create index member_scope_status on member (committee_id, branch_id, status);
