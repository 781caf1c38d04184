-- The preparation steps of a meeting (docs/domain.md §5: chi ủy meeting, drafts, notice to members and to the
-- superior committee member, documents available a day before) with when and by whom each was done. The
-- evaluation scores these times, so a step records the moment it is marked; a step dated in the past keeps
-- the reason it was recorded late.
create table meeting_preparation (
	committee_id bigint not null references committee (id),
	meeting_id bigint not null,
	step text not null check (step in ('EXECUTIVE_MEETING', 'DRAFTS_READY', 'NOTICE_SENT', 'DOCUMENTS_AVAILABLE')),
	done_at timestamptz not null,
	done_by text not null,
	note text,
	late_reason text,
	recorded_at timestamptz not null default now(),
	primary key (committee_id, meeting_id, step),
	foreign key (committee_id, meeting_id) references meeting (committee_id, id)
);
