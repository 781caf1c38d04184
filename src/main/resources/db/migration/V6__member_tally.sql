-- Every list page shows how many members its scope holds; counting thousands of rows per page view is the
-- dearest part of the page. member_tally keeps the number of members per branch and status, maintained by
-- a trigger in the same transaction as the change, so an unfiltered count is a sum over a few rows.
create table member_tally (
	committee_id bigint not null references committee (id),
	branch_id bigint not null,
	status text not null,
	members integer not null,
	primary key (committee_id, branch_id, status)
);

create function member_tally_change() returns trigger language plpgsql as $$
begin
	if tg_op = 'UPDATE' and old.branch_id = new.branch_id and old.status = new.status
			and old.committee_id = new.committee_id then
		return null;
	end if;
	if tg_op in ('UPDATE', 'DELETE') then
		update member_tally set members = members - 1
		where committee_id = old.committee_id and branch_id = old.branch_id and status = old.status;
	end if;
	if tg_op in ('INSERT', 'UPDATE') then
		insert into member_tally (committee_id, branch_id, status, members)
		values (new.committee_id, new.branch_id, new.status, 1)
		on conflict (committee_id, branch_id, status) do update set members = member_tally.members + 1;
	end if;
	return null;
end
$$;

create trigger member_tally_change after insert or delete or update of committee_id, branch_id, status on member
	for each row execute function member_tally_change();

insert into member_tally (committee_id, branch_id, status, members)
select committee_id, branch_id, status, count(*) from member group by committee_id, branch_id, status;
