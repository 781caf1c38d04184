-- The criteria's yearly totals per committee (issue: evaluation §6): a superior committee's "weakest criteria"
-- over hundreds of committees then reads a few rows per committee instead of one per month. Kept by the same
-- statement-level triggers as the monthly totals (V19), so both stay exact together.
create table score_criterion_year (
	committee_id bigint not null references committee (id),
	year integer not null,
	rubric_code text not null,
	criterion text not null,
	name text not null,
	lines integer not null,
	loss_sum numeric(14, 1) not null,
	max numeric(6, 1) not null,
	primary key (committee_id, year, rubric_code, criterion)
);

create or replace function score_criterion_month_apply() returns trigger language plpgsql as $$
begin
	execute format($sql$
		insert into score_criterion_month as t (committee_id, month, rubric_code, criterion, name, lines, loss_sum, max)
		select committee_id, date_trunc('month', scheduled_on)::date, rubric_code, criterion, max(name), sum(sign),
			sum(sign * (max - points)), max(max)
		from (%s) changed
		group by 1, 2, 3, 4
		order by 1, 2, 3, 4
		on conflict (committee_id, month, rubric_code, criterion) do update set
			name = excluded.name, lines = t.lines + excluded.lines, loss_sum = t.loss_sum + excluded.loss_sum,
			max = greatest(t.max, excluded.max)
		$sql$, score_changes_source(tg_op));
	execute format($sql$
		insert into score_criterion_year as t (committee_id, year, rubric_code, criterion, name, lines, loss_sum, max)
		select committee_id, extract(year from scheduled_on)::int, rubric_code, criterion, max(name), sum(sign),
			sum(sign * (max - points)), max(max)
		from (%s) changed
		group by 1, 2, 3, 4
		order by 1, 2, 3, 4
		on conflict (committee_id, year, rubric_code, criterion) do update set
			name = excluded.name, lines = t.lines + excluded.lines, loss_sum = t.loss_sum + excluded.loss_sum,
			max = greatest(t.max, excluded.max)
		$sql$, score_changes_source(tg_op));
	return null;
end $$;

insert into score_criterion_year (committee_id, year, rubric_code, criterion, name, lines, loss_sum, max)
select committee_id, extract(year from scheduled_on)::int, rubric_code, criterion, max(name), count(*),
	sum(max - points), max(max)
from meeting_score_line group by 1, 2, 3, 4;
