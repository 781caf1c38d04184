-- Whoever the committee names reviews and publishes news beside its office (issue: news §2): members, so that
-- the right follows the person whatever account they log in with.
create table news_reviewer (
	committee_id bigint not null references committee (id),
	member_id bigint not null,
	named_by text not null,
	named_at timestamptz not null default now(),
	primary key (committee_id, member_id),
	foreign key (committee_id, member_id) references member (committee_id, id)
);
