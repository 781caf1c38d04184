-- The shipped rubrics are named in Vietnamese on every screen ("Bộ tiêu chí A — …", not
-- "Rubric A — …"): the stored versions copied from them, and the name inside their
-- definition, read the same.
update rubric
set name = 'Bộ tiêu chí ' || substr(name, length('Rubric ') + 1),
	definition = replace(definition, '"name": "Rubric ', '"name": "Bộ tiêu chí ')
where name like 'Rubric %' and code in ('A-42HD', 'B-THEMATIC', 'C-12HD');
