-- Two transactions recounting the same meeting's attendance (two members checking in at once, on one node or on
-- several) both deleted the meeting's tally row and both inserted it again: the second insert failed on the key
-- and the check-in was answered with a 500. The attendance warnings, recounted a member at a time, could do the
-- same, or keep a count made without the other's change (a meeting's status changed while one of its members
-- checks in). Each recount now first takes a lock of its transaction on every meeting (every member) it recounts,
-- in their order so that two recounts of several cannot wait for each other, and counts once the other has
-- committed: each statement of these functions reads what was committed when it began
-- (docs/decisions/0004-aggregates-by-triggers.md).
alter function meeting_attendance_tally_refresh(bigint[], bigint[]) rename to meeting_attendance_tally_recount;

create function meeting_attendance_tally_refresh(committee_ids bigint[], meeting_ids bigint[]) returns void
language plpgsql as $$
begin
	perform pg_advisory_xact_lock(hashtextextended('meeting_attendance_tally ' || committee_id || ' ' || meeting_id, 0))
	from (select distinct committee_id, meeting_id from unnest(committee_ids, meeting_ids) as c(committee_id, meeting_id)
		order by committee_id, meeting_id) c;
	perform meeting_attendance_tally_recount(committee_ids, meeting_ids);
end $$;

alter function meeting_attendance_warning_refresh(bigint[], bigint[]) rename to meeting_attendance_warning_recount;

create function meeting_attendance_warning_refresh(committee_ids bigint[], member_ids bigint[]) returns void
language plpgsql as $$
begin
	perform pg_advisory_xact_lock(hashtextextended('meeting_attendance_warning ' || committee_id || ' ' || member_id, 0))
	from (select distinct committee_id, member_id from unnest(committee_ids, member_ids) as c(committee_id, member_id)
		order by committee_id, member_id) c;
	perform meeting_attendance_warning_recount(committee_ids, member_ids);
end $$;
