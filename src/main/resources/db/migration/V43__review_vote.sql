-- The branch proposes each member's level at its year-end review meeting (docs/domain.md §7 step 2): the meeting, and the
-- vote on the proposal as the minutes record it.
alter table member_review add column meeting_id bigint,
	add column votes_for integer check (votes_for between 0 and 10000),
	add column votes_against integer check (votes_against between 0 and 10000),
	add foreign key (committee_id, meeting_id) references meeting (committee_id, id);
