-- The attendance warnings of each member's year (docs/domain.md §4 automatic alerts, §5), kept by the database as
-- the attendance and the meetings change (docs/decisions/0004-aggregates-by-triggers.md): the meetings page, the
-- start page and the early warnings read them instead of computing them from a year of attendance on each view.
--   ABSENT_UNEXCUSED      every absence without reason (12-HD/BTCTW 2018, criterion 1), count 1;
--   CHARTER_THREE_MONTHS  the absence without reason that makes three months of the year with one (Party Charter,
--                         Art. 8), count 3;
--   CONSECUTIVE_EXCUSED   the third absence with reason in a row (12-HD/BTCTW 2018), count 3.
-- Exempted members and those attending elsewhere (temporary_out) are outside the rules and do not break a run;
-- cancelled meetings and unrecorded lines do not count.
create table meeting_attendance_warning (
	committee_id bigint not null,
	member_id bigint not null,
	year integer not null,
	kind text not null check (kind in ('ABSENT_UNEXCUSED', 'CHARTER_THREE_MONTHS', 'CONSECUTIVE_EXCUSED')),
	meeting_id bigint not null,
	branch_id bigint not null,
	occurred_on date not null,
	full_name text not null,
	count integer not null,
	primary key (committee_id, member_id, year, kind, meeting_id),
	foreign key (committee_id, meeting_id) references meeting (committee_id, id) on delete cascade
);
create index meeting_attendance_warning_year on meeting_attendance_warning (committee_id, year, branch_id, occurred_on);

-- Recomputes every year of the given members (committee_ids[i], member_ids[i]).
create function meeting_attendance_warning_refresh(committee_ids bigint[], member_ids bigint[]) returns void
language plpgsql as $$
begin
	delete from meeting_attendance_warning w using unnest(committee_ids, member_ids) as c(committee_id, member_id)
	where w.committee_id = c.committee_id and w.member_id = c.member_id;
	insert into meeting_attendance_warning (committee_id, member_id, year, kind, meeting_id, branch_id, occurred_on,
		full_name, count)
	with changed as (
		select distinct committee_id, member_id from unnest(committee_ids, member_ids) as c(committee_id, member_id)),
	lines as (
		select a.committee_id, a.member_id, extract(year from g.scheduled_on)::int as year, g.id as meeting_id,
			g.branch_id, g.scheduled_on, extract(month from g.scheduled_on)::int as month, a.full_name, a.status
		from changed c join meeting_attendance a on a.committee_id = c.committee_id and a.member_id = c.member_id
		join meeting g on g.committee_id = a.committee_id and g.id = a.meeting_id
		where g.status <> 'CANCELLED' and a.status is not null and not a.exempted and not a.temporary_out),
	ordered as (
		select l.*, row_number() over (partition by committee_id, member_id, year order by scheduled_on, meeting_id)
			- row_number() over (partition by committee_id, member_id, year, status = 'ABSENT_EXCUSED'
				order by scheduled_on, meeting_id) as run
		from lines l),
	excused as (
		select o.*, row_number() over (partition by committee_id, member_id, year, run order by scheduled_on, meeting_id)
			as in_run
		from ordered o where status = 'ABSENT_EXCUSED'),
	unexcused as (
		select l.*, row_number() over (partition by committee_id, member_id, year, month
			order by scheduled_on, meeting_id) = 1 as new_month
		from lines l where status = 'ABSENT_UNEXCUSED'),
	months as (
		select u.*, sum(case when new_month then 1 else 0 end) over (partition by committee_id, member_id, year
			order by scheduled_on, meeting_id) as months_so_far
		from unexcused u)
	select committee_id, member_id, year, 'ABSENT_UNEXCUSED', meeting_id, branch_id, scheduled_on, full_name, 1
	from unexcused
	union all
	select committee_id, member_id, year, 'CHARTER_THREE_MONTHS', meeting_id, branch_id, scheduled_on, full_name, 3
	from months where new_month and months_so_far = 3
	union all
	select committee_id, member_id, year, 'CONSECUTIVE_EXCUSED', meeting_id, branch_id, scheduled_on, full_name, 3
	from excused where in_run = 3;
end $$;

create function meeting_attendance_warning_on_attendance() returns trigger language plpgsql as $$
declare
	committees bigint[];
	members bigint[];
begin
	if tg_op = 'INSERT' then
		select array_agg(committee_id), array_agg(member_id) into committees, members
		from (select distinct committee_id, member_id from new_rows) r;
	elsif tg_op = 'UPDATE' then
		select array_agg(committee_id), array_agg(member_id) into committees, members
		from (select committee_id, member_id from new_rows union select committee_id, member_id from old_rows) r;
	else
		select array_agg(committee_id), array_agg(member_id) into committees, members
		from (select distinct committee_id, member_id from old_rows) r;
	end if;
	if committees is not null then
		perform meeting_attendance_warning_refresh(committees, members);
	end if;
	return null;
end $$;

create trigger meeting_attendance_warning_insert after insert on meeting_attendance referencing new table as new_rows
	for each statement execute function meeting_attendance_warning_on_attendance();
create trigger meeting_attendance_warning_update after update on meeting_attendance
	referencing old table as old_rows new table as new_rows
	for each statement execute function meeting_attendance_warning_on_attendance();
create trigger meeting_attendance_warning_delete after delete on meeting_attendance referencing old table as old_rows
	for each statement execute function meeting_attendance_warning_on_attendance();

-- A meeting moved to another date or branch, cancelled or restored: its members' years again.
create function meeting_attendance_warning_on_meeting() returns trigger language plpgsql as $$
declare
	committees bigint[];
	members bigint[];
begin
	select array_agg(a.committee_id), array_agg(a.member_id) into committees, members
	from (select distinct a.committee_id, a.member_id from new_rows n
		join old_rows o on o.committee_id = n.committee_id and o.id = n.id
		join meeting_attendance a on a.committee_id = n.committee_id and a.meeting_id = n.id
		where n.scheduled_on <> o.scheduled_on or n.status <> o.status or n.branch_id <> o.branch_id) a;
	if committees is not null then
		perform meeting_attendance_warning_refresh(committees, members);
	end if;
	return null;
end $$;

create trigger meeting_attendance_warning_meeting after update on meeting
	referencing old table as old_rows new table as new_rows
	for each statement execute function meeting_attendance_warning_on_meeting();

-- The attendance recorded before this migration.
select meeting_attendance_warning_refresh(array_agg(committee_id), array_agg(member_id))
from (select distinct committee_id, member_id from meeting_attendance) a;
