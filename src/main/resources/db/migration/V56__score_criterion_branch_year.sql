-- The criteria's yearly totals per branch (docs/domain.md §6, the dashboard's "criteria that lose the most points"):
-- a committee's dashboard, or one branch's, reads one row per branch and criterion instead of every scored
-- criterion of the year (19,000 lines for a committee of 58 branches: 32 ms a view). Kept by statement-level
-- triggers like the committee's totals (V19, V22); rows whose lines went back to 0 stay and are read as none.
create table score_criterion_branch_year (
	committee_id bigint not null references committee (id),
	year integer not null,
	branch_id bigint not null,
	rubric_code text not null,
	criterion text not null,
	name text not null,
	lines integer not null,
	loss_sum numeric(14, 1) not null,
	max numeric(6, 1) not null,
	primary key (committee_id, year, branch_id, rubric_code, criterion)
);

create function score_criterion_branch_year_apply() returns trigger language plpgsql as $$
begin
	execute format($sql$
		insert into score_criterion_branch_year as t (committee_id, year, branch_id, rubric_code, criterion, name, lines,
			loss_sum, max)
		select committee_id, extract(year from scheduled_on)::int, branch_id, rubric_code, criterion, max(name), sum(sign),
			sum(sign * (max - points)), max(max)
		from (%s) changed
		group by 1, 2, 3, 4, 5
		order by 1, 2, 3, 4, 5
		on conflict (committee_id, year, branch_id, rubric_code, criterion) do update set
			name = excluded.name, lines = t.lines + excluded.lines, loss_sum = t.loss_sum + excluded.loss_sum,
			max = greatest(t.max, excluded.max)
		$sql$, score_changes_source(tg_op));
	return null;
end $$;

create trigger score_criterion_branch_year_insert after insert on meeting_score_line referencing new table as new_rows
	for each statement execute function score_criterion_branch_year_apply();
create trigger score_criterion_branch_year_update after update on meeting_score_line
	referencing old table as old_rows new table as new_rows
	for each statement execute function score_criterion_branch_year_apply();
create trigger score_criterion_branch_year_delete after delete on meeting_score_line referencing old table as old_rows
	for each statement execute function score_criterion_branch_year_apply();

insert into score_criterion_branch_year (committee_id, year, branch_id, rubric_code, criterion, name, lines, loss_sum,
	max)
select committee_id, extract(year from scheduled_on)::int, branch_id, rubric_code, criterion, max(name), count(*),
	sum(max - points), max(max)
from meeting_score_line group by 1, 2, 3, 4, 5;
