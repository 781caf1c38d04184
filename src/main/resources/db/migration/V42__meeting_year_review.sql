-- The branch's year-end review meeting (họp kiểm điểm, đánh giá, xếp loại cuối năm; docs/domain.md §7 step 2) is a meeting
-- of its own kind: members read their self-reviews, the branch gives its opinions and votes on each proposed level.
alter table meeting drop constraint meeting_kind_check;
alter table meeting add constraint meeting_kind_check
	check (kind in ('REGULAR', 'THEMATIC', 'EXTRAORDINARY', 'CONGRESS', 'YEAR_REVIEW'));
