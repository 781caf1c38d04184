-- The superior committee (cấp ủy cấp trên, docs/domain.md §3) oversees many grassroots committees: it is a tenant of
-- its own, and each grassroots committee names it. Its accounts are observers, read-only (docs/domain.md §3 roles).
alter table committee add column kind text not null default 'GRASSROOTS' check (kind in ('GRASSROOTS', 'SUPERIOR'));
alter table committee add column superior_id bigint references committee (id);
create index committee_superior on committee (superior_id);

alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
	check (role in ('ADMIN', 'OFFICE', 'COMMITTEE_MEMBER', 'SECRETARY', 'MEMBER', 'OBSERVER'));

-- Pre-aggregates of the scores per committee and month (issue: evaluation §6), so that a view over hundreds of
-- committees reads a few thousand rows instead of every meeting's score. Statement-level triggers keep them exact
-- on every insert, rescore and delete of a score, whatever writes it; a concurrent change of the same month
-- waits on the aggregate row's lock.
create table score_month (
	committee_id bigint not null references committee (id),
	month date not null,
	kind text not null,
	meetings integer not null,
	-- Graded scores (Tốt/Khá/Trung bình/Kém) and the sum of their percentages; the pass/fail rubric apart.
	graded integer not null,
	percent_sum numeric(14, 1) not null,
	good integer not null,
	fair integer not null,
	average integer not null,
	weak integer not null,
	pass integer not null,
	fail integer not null,
	primary key (committee_id, month, kind)
);

create table score_criterion_month (
	committee_id bigint not null references committee (id),
	month date not null,
	rubric_code text not null,
	criterion text not null,
	name text not null,
	lines integer not null,
	loss_sum numeric(14, 1) not null,
	max numeric(6, 1) not null,
	primary key (committee_id, month, rubric_code, criterion)
);

-- The rows a statement changed, signed: added (+1) and removed (-1); an update counts as both.
create function score_changes_source(op text) returns text language sql immutable as $$
	select case op
		when 'INSERT' then 'select n.*, 1 as sign from new_rows n'
		when 'DELETE' then 'select o.*, -1 as sign from old_rows o'
		else 'select n.*, 1 as sign from new_rows n union all select o.*, -1 as sign from old_rows o' end
$$;

create function score_month_apply() returns trigger language plpgsql as $$
begin
	execute format($sql$
		insert into score_month as t (committee_id, month, kind, meetings, graded, percent_sum, good, fair, average,
			weak, pass, fail)
		select committee_id, month, kind, sum(sign), sum(sign * graded), sum(sign * graded * percent),
			sum(sign * (level = 'GOOD')::int), sum(sign * (level = 'FAIR')::int), sum(sign * (level = 'AVERAGE')::int),
			sum(sign * (level = 'WEAK')::int), sum(sign * (level = 'PASS')::int), sum(sign * (level = 'FAIL')::int)
		from (
			select committee_id, date_trunc('month', scheduled_on)::date as month, kind, level, percent,
				(level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK'))::int as graded, sign
			from (%s) changed
		) c
		group by committee_id, month, kind
		order by committee_id, month, kind
		on conflict (committee_id, month, kind) do update set
			meetings = t.meetings + excluded.meetings, graded = t.graded + excluded.graded,
			percent_sum = t.percent_sum + excluded.percent_sum, good = t.good + excluded.good,
			fair = t.fair + excluded.fair, average = t.average + excluded.average, weak = t.weak + excluded.weak,
			pass = t.pass + excluded.pass, fail = t.fail + excluded.fail
		$sql$, score_changes_source(tg_op));
	return null;
end $$;

create function score_criterion_month_apply() returns trigger language plpgsql as $$
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
	return null;
end $$;

create trigger score_month_insert after insert on meeting_score referencing new table as new_rows
	for each statement execute function score_month_apply();
create trigger score_month_update after update on meeting_score referencing old table as old_rows new table as new_rows
	for each statement execute function score_month_apply();
create trigger score_month_delete after delete on meeting_score referencing old table as old_rows
	for each statement execute function score_month_apply();
create trigger score_criterion_month_insert after insert on meeting_score_line referencing new table as new_rows
	for each statement execute function score_criterion_month_apply();
create trigger score_criterion_month_update after update on meeting_score_line
	referencing old table as old_rows new table as new_rows for each statement execute function score_criterion_month_apply();
create trigger score_criterion_month_delete after delete on meeting_score_line referencing old table as old_rows
	for each statement execute function score_criterion_month_apply();

-- The scores already given, once.
insert into score_month (committee_id, month, kind, meetings, graded, percent_sum, good, fair, average, weak, pass, fail)
select committee_id, date_trunc('month', scheduled_on)::date, kind, count(*),
	count(*) filter (where level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')),
	coalesce(sum(percent) filter (where level in ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')), 0),
	count(*) filter (where level = 'GOOD'), count(*) filter (where level = 'FAIR'),
	count(*) filter (where level = 'AVERAGE'), count(*) filter (where level = 'WEAK'),
	count(*) filter (where level = 'PASS'), count(*) filter (where level = 'FAIL')
from meeting_score group by 1, 2, 3;

insert into score_criterion_month (committee_id, month, rubric_code, criterion, name, lines, loss_sum, max)
select committee_id, date_trunc('month', scheduled_on)::date, rubric_code, criterion, max(name), count(*),
	sum(max - points), max(max)
from meeting_score_line group by 1, 2, 3, 4;
