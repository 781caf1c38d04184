-- The newest attendance warnings of a year first (docs/architecture.md, "Fast pages"): the meetings page and a
-- secretary's start page show the first twenty of thousands. This index holds them in the order shown with every
-- column they show, so the page reads twenty entries of it instead of sorting the year's warnings, and the count
-- of them is read from meeting_attendance_warning_year without the table.
create index meeting_attendance_warning_recent on meeting_attendance_warning
	(committee_id, year, occurred_on desc, full_name, member_id, kind) include (branch_id, meeting_id, count);
