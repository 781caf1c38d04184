-- The number of a reflection's shingles, kept beside it: the copy check divides what another reflection shares with
-- a new one by it, for every reflection of the session that shares anything (docs/domain.md §8 "bài thu hoạch").
alter table study_reflection add column shingles integer not null default 0;
update study_reflection r set shingles = s.n
from (select committee_id, reflection_id, count(*) as n from study_shingle group by committee_id, reflection_id) s
where r.committee_id = s.committee_id and r.id = s.reflection_id;
