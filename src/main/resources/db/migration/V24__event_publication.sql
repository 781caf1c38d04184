-- The event publication registry (Spring Modulith, JDBC, schema v2): an event between modules — a meeting's
-- record changed, so its score may have — is stored in the transaction of the change and marked complete once its
-- listener has succeeded; what is left incomplete is delivered again. Infrastructure of the deployment, not a
-- committee's record, so it has no committee_id (a Citus reference table, README "Tenancy").
create table event_publication (
	id uuid not null primary key,
	listener_id text not null,
	event_type text not null,
	serialized_event text not null,
	publication_date timestamptz not null,
	completion_date timestamptz,
	status text,
	completion_attempts integer,
	last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
