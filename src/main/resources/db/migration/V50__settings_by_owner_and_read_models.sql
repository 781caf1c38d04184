-- Each module keeps its own settings (docs/architecture.md, "Where the data lives"): the shared
-- committee_setting table, created with the notifications, is split by the module that reads and writes each
-- column.

-- The meeting module's: how many days before a meeting members are reminded (default 7 and 1).
create table meeting_reminder_setting (
	committee_id bigint primary key references committee (id),
	reminder_days integer[] not null default '{7,1}'
);

-- The evaluation's: whether absences with reason stay outside the attendance rate (docs/domain.md §5).
create table evaluation_setting (
	committee_id bigint primary key references committee (id),
	excused_outside_rate boolean not null default false
);

insert into meeting_reminder_setting (committee_id, reminder_days)
	select committee_id, reminder_days from committee_setting;
insert into evaluation_setting (committee_id, excused_outside_rate)
	select committee_id, excused_outside_rate from committee_setting;
drop table committee_setting;

-- The organisation module's published read model of its tree: what the other modules may join to name a
-- branch or a committee's unit (code, name, level, place in the tree, status). Its columns only grow; the
-- organization table behind it stays the module's own.
create view org_unit as
	select committee_id, id, code, name, level, parent_id, status from organization;

-- The member module's published read model of its members' names: what the other modules may join to name a
-- preparer, a chair, a subscriber (name, branch, status). Its columns only grow.
create view member_name as
	select committee_id, id, full_name, branch_id, status from member;
