-- The committee's rule for the attendance rate's denominator (docs/domain.md §5: exempted members and those
-- attending elsewhere are always outside; some local forms also leave absences with reason out).
alter table committee_setting add column excused_outside_rate boolean not null default false;
