-- Each scored criterion as a row, written with its meeting's score (and rewritten with it), so that
-- "the criteria that lose the most points" is one indexed aggregate over a committee's branches and a period
-- instead of reading every score's explanation.
create table meeting_score_line (
	committee_id bigint not null references committee (id),
	meeting_id bigint not null,
	rubric_id bigint not null,
	branch_id bigint not null,
	scheduled_on date not null,
	rubric_code text not null,
	criterion text not null,
	name text not null,
	points numeric(6, 1) not null,
	max numeric(6, 1) not null,
	primary key (committee_id, meeting_id, rubric_id, criterion),
	foreign key (committee_id, meeting_id, rubric_id) references meeting_score (committee_id, meeting_id, rubric_id)
		on delete cascade
);

create index meeting_score_line_branch on meeting_score_line (committee_id, branch_id, scheduled_on);
