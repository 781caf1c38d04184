-- Each meeting's attendance in two numbers, kept by the database whatever writes the attendance lines (roll call,
-- check-in, import, a line removed; docs/decisions/0004-aggregates-by-triggers.md): the early warnings' low
-- attendance (docs/domain.md §6, under 85 % attending) and the start page read one row a meeting instead of every
-- line of it. A branch of 200 members held 232 meetings in three months: 40,780 lines read on each start page.
--   expected  the members the meeting counts: not exempted, not attending elsewhere (temporary_out)
--   attended  of those, present or late
create table meeting_attendance_tally (
	committee_id bigint not null,
	meeting_id bigint not null,
	expected integer not null,
	attended integer not null,
	primary key (committee_id, meeting_id),
	foreign key (committee_id, meeting_id) references meeting (committee_id, id) on delete cascade
);

-- Counts the given meetings (committee_ids[i], meeting_ids[i]) again from their lines.
create function meeting_attendance_tally_refresh(committee_ids bigint[], meeting_ids bigint[]) returns void
language plpgsql as $$
begin
	delete from meeting_attendance_tally t using unnest(committee_ids, meeting_ids) as c(committee_id, meeting_id)
	where t.committee_id = c.committee_id and t.meeting_id = c.meeting_id;
	insert into meeting_attendance_tally (committee_id, meeting_id, expected, attended)
	select a.committee_id, a.meeting_id,
		count(*) filter (where not a.exempted and not a.temporary_out),
		count(*) filter (where not a.exempted and not a.temporary_out and a.status in ('PRESENT', 'LATE'))
	from (select distinct committee_id, meeting_id from unnest(committee_ids, meeting_ids) as c(committee_id, meeting_id)) c
	join meeting_attendance a on a.committee_id = c.committee_id and a.meeting_id = c.meeting_id
	join meeting g on g.committee_id = a.committee_id and g.id = a.meeting_id
	group by a.committee_id, a.meeting_id;
end $$;

create function meeting_attendance_tally_on_attendance() returns trigger language plpgsql as $$
declare
	committees bigint[];
	meetings bigint[];
begin
	if tg_op = 'INSERT' then
		select array_agg(committee_id), array_agg(meeting_id) into committees, meetings
		from (select distinct committee_id, meeting_id from new_rows) r;
	elsif tg_op = 'UPDATE' then
		select array_agg(committee_id), array_agg(meeting_id) into committees, meetings
		from (select committee_id, meeting_id from new_rows union select committee_id, meeting_id from old_rows) r;
	else
		select array_agg(committee_id), array_agg(meeting_id) into committees, meetings
		from (select distinct committee_id, meeting_id from old_rows) r;
	end if;
	if committees is not null then
		perform meeting_attendance_tally_refresh(committees, meetings);
	end if;
	return null;
end $$;

create trigger meeting_attendance_tally_insert after insert on meeting_attendance referencing new table as new_rows
	for each statement execute function meeting_attendance_tally_on_attendance();
create trigger meeting_attendance_tally_update after update on meeting_attendance
	referencing old table as old_rows new table as new_rows
	for each statement execute function meeting_attendance_tally_on_attendance();
create trigger meeting_attendance_tally_delete after delete on meeting_attendance referencing old table as old_rows
	for each statement execute function meeting_attendance_tally_on_attendance();

-- The attendance recorded before this migration.
insert into meeting_attendance_tally (committee_id, meeting_id, expected, attended)
select committee_id, meeting_id, count(*) filter (where not exempted and not temporary_out),
	count(*) filter (where not exempted and not temporary_out and status in ('PRESENT', 'LATE'))
from meeting_attendance group by committee_id, meeting_id;
