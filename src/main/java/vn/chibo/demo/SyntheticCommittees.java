package vn.chibo.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.member.Gender;
import vn.chibo.shared.text.PersonName;
import vn.chibo.shared.text.VietnameseText;

/**
 * Province-sized data for the evaluation benchmark ({@code bench/evaluation-scale.sh};
 * docs/domain.md §6): other grassroots committees beside the demo one, each with its
 * branches and members, five years of monthly meetings with attendance and scores,
 * written set-based in SQL so that millions of rows take minutes. Their scores are drawn,
 * not computed: the benchmark measures reading dashboards, and the demo committee's own
 * scores stay computed. The benchmark's hundreds are off unless
 * {@code chibo.demo.synthetic-committees} is set; the demo has a few named ones beside
 * its own, under the same superior committee.
 */
@Component
class SyntheticCommittees {

	private static final Logger log = LoggerFactory.getLogger(SyntheticCommittees.class);

	private static final int BATCH = 50;

	/** How many names a batch's members are drawn from. */
	private static final int NAMES = 5000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transaction;

	SyntheticCommittees(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transaction = transaction;
	}

	/**
	 * Numbered committees for the benchmark ("Đảng bộ tổng hợp số n"), vacuumed after; in
	 * batches of {@value #BATCH} committees (coded SYN-first-n), each statement a batch's
	 * rows: the national size (2,000 committees, 60 million attendance lines) as forty
	 * rounds whose progress the log shows, not one statement of hours. Each batch commits
	 * whole: its meetings are never seen without their scores (the scoring sweep would
	 * score them meanwhile, and the batch's own scores would then be refused).
	 */
	void add(int committees, int branches, int members, int months, @Nullable Long superiorId) {
		for (var first = 1; first <= committees; first += BATCH) {
			var names = new ArrayList<String>();
			for (var n = first; n < first + BATCH && n <= committees; n++) {
				names.add("Đảng bộ tổng hợp số " + n);
			}
			var prefix = "SYN-" + first + "-";
			transaction.executeWithoutResult((status) -> add(prefix, names, branches, members, months, superiorId));
			log.info("Synthetic committees: {} of {} written", first - 1 + names.size(), committees);
		}
		jdbc.sql("vacuum analyze").update();
	}

	/**
	 * Committees named {@code names}, coded {@code prefix} + their number, under the
	 * superior committee if given. Each has a drawn quality of its own, so that the
	 * superior's overview shows strong and weak committees; the criteria are rubric A's
	 * and their points make the total.
	 */
	void add(String prefix, List<String> names, int branches, int members, int months, @Nullable Long superiorId) {
		var rubric = rubricText();
		for (var i = 0; i < names.size(); i++) {
			jdbc.sql(
					"""
							insert into committee (code, name, place_name, superior_id) values (:code, :name, 'Hà Tĩnh', :superior)
							""")
				.param("code", prefix + (i + 1))
				.param("name", names.get(i))
				.param("superior", superiorId)
				.update();
		}
		step("committees", names.size());
		var mine = "(select id from committee where code like '" + prefix.replace("'", "") + "%%')";
		step("roots", jdbc.sql("""
				insert into organization (committee_id, code, name, level)
				select id, 'ROOT', name, 'GRASSROOTS' from committee where id in %s
				""".formatted(mine)).update());
		step("branches", jdbc.sql("""
				insert into organization (committee_id, code, name, level, parent_id)
				select r.committee_id, 'B' || b, 'Chi bộ số ' || b, 'BRANCH', r.id from organization r
				cross join generate_series(1, :b) b where r.code = 'ROOT' and r.committee_id in %s
				""".formatted(mine)).param("b", branches).update());
		names();
		step("members", jdbc
			.sql("""
					insert into member (committee_id, full_name, family_name, middle_name, given_name, sort_given, sort_middle,
					sort_family, search_text, gender, admission_date, official_date, status, branch_id)
					select o.committee_id, n.full_name, n.family_name, n.middle_name, n.given_name, n.sort_given, n.sort_middle,
					n.sort_family, n.search_text, n.gender, date '2010-01-01', date '2011-01-01', 'OFFICIAL', o.id
					from organization o cross join generate_series(1, :m) m
					join synthetic_name n on n.n = (o.id * 7919 + m * 104729) %% :pool
					where o.level = 'BRANCH' and o.committee_id in %s
					"""
				.formatted(mine))
			.param("m", members)
			.param("pool", NAMES)
			.update());
		step("rubrics", jdbc.sql("""
				insert into rubric (committee_id, code, version, name, definition, valid_from, applies_to, created_by)
				select id, 'A-42HD', 1, 'Bộ tiêu chí A', :text, date '2018-07-06', '{REGULAR}', 'system'
				from committee where id in %s
				""".formatted(mine)).param("text", rubric).update());
		step("meetings", jdbc
			.sql("""
					insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, rule_set)
					select o.committee_id, o.id, 'REGULAR',
					(date_trunc('month', current_date) - make_interval(months => k))::date + 24, time '14:00', 'HELD', 'HD42_2025'
					from organization o cross join generate_series(1, :months) k
					where o.level = 'BRANCH' and o.committee_id in %s
					"""
				.formatted(mine))
			.param("months", months)
			.update());
		step("attendance", jdbc.sql("""
				insert into meeting_attendance (committee_id, meeting_id, member_id, position, full_name, probationary,
				exempted, temporary_in, temporary_out, status, reason, method, recorded_by)
				select g.committee_id, g.id, m.id, (m.id %% 1000000)::int, m.full_name, false, false, false, false,
				case when r < 0.05 then 'ABSENT_EXCUSED' when r < 0.06 then 'ABSENT_UNEXCUSED' else 'PRESENT' end,
				case when r < 0.05 then 'Đi công tác' end, 'ROLL_CALL', 'system'
				from meeting g join member m on m.committee_id = g.committee_id and m.branch_id = g.branch_id
				cross join lateral (select random() + (m.id * 0) as r) x
				where g.committee_id in %s
				""".formatted(mine)).update());
		// The criteria of rubric A, each meeting's points drawn around its committee's
		// quality, its branches stronger or weaker and its months
		// varying, some criteria harder than others; the total is their sum.
		var criteria = """
				with criteria as (
					select c ->> 'code' as code, c ->> 'name' as name, (c ->> 'max')::numeric as max, k
					from jsonb_path_query(cast(:text as jsonb), '$.groups[*].criteria[*]') with ordinality as t(c, k))
				""";
		step("scores", jdbc
			.sql(criteria
					+ """
							insert into meeting_score (committee_id, meeting_id, rubric_id, branch_id, scheduled_on, kind, total, max,
							percent, level, details, scored_by)
							select g.committee_id, g.id, r.id, g.branch_id, g.scheduled_on, 'REGULAR', 0,
							(select sum(max) from criteria), 0, 'WEAK', '{}', 'system'
							from meeting g join rubric r on r.committee_id = g.committee_id
							where g.committee_id in %s
							"""
						.formatted(mine))
			.param("text", rubric)
			.update());
		step("score lines", jdbc
			.sql(criteria
					+ """
							insert into meeting_score_line (committee_id, meeting_id, rubric_id, branch_id, scheduled_on, rubric_code,
							criterion, name, points, max)
							select s.committee_id, s.meeting_id, s.rubric_id, s.branch_id, s.scheduled_on, 'A-42HD', c.code, c.name,
							round(greatest(0, least(c.max, c.max * (0.55 + 0.4 * ((s.committee_id * 37) %% 100) / 100.0
								+ ((s.branch_id * 13) %% 7 - 3) * 0.04 + 0.06 * sin(s.committee_id + extract(month from s.scheduled_on))
								+ case when c.k %% 5 = 2 then -0.3 when c.k %% 7 = 3 then -0.15 else 0.05 end
								+ (random() - 0.5) * 0.4)))::numeric, 1), c.max
							from meeting_score s cross join criteria c where s.committee_id in %s
							"""
						.formatted(mine))
			.param("text", rubric)
			.update());
		// The explained score (ScoreResult as JSON) that the drill-down reads: each drawn
		// criterion as the superior committee member's hand score.
		step("totals", jdbc
			.sql("""
					update meeting_score s set total = l.total, percent = l.percent, level = l.level,
					details = jsonb_build_object('rubricCode', 'A-42HD', 'rubricVersion', 1, 'total', l.total, 'max', s.max,
						'percent', l.percent, 'level', l.level, 'uncapped', null, 'caps', '[]'::jsonb, 'lines', l.lines)::text
					from (select committee_id, meeting_id, rubric_id, total, round(100 * total / max, 1) as percent,
						case when 100 * total / max >= 90 then 'GOOD' when 100 * total / max >= 70 then 'FAIR'
						when 100 * total / max >= 50 then 'AVERAGE' else 'WEAK' end as level, lines
						from (select committee_id, meeting_id, rubric_id, sum(points) as total, sum(max) as max,
							jsonb_agg(jsonb_build_object('group', split_part(criterion, '.', 1), 'code', criterion, 'name', name,
								'points', points, 'max', max, 'applicable', true, 'source', 'SUPERIOR', 'rule', 'MANUAL',
								'evidence', 'SUPERIOR', 'arguments', '[]'::jsonb, 'link', '', 'note', null)
								order by string_to_array(criterion, '.')::int[]) as lines
							from meeting_score_line where committee_id in %s group by 1, 2, 3) t) l
					where s.committee_id = l.committee_id and s.meeting_id = l.meeting_id and s.rubric_id = l.rubric_id
					"""
				.formatted(mine))
			.update());
	}

	/**
	 * The batch's pool of names: drawn as the demo's members' are (docs/domain.md §18),
	 * so that the member table's statistics are those of Vietnamese names and a search
	 * for "Nguyễn Văn" matches as many in every committee as in the demo's — a pool of
	 * numbered names would make every common name look rare to PostgreSQL's planner.
	 */
	private void names() {
		jdbc.sql(
				"""
						create temporary table if not exists synthetic_name (n int primary key, full_name text, family_name text,
						middle_name text, given_name text, sort_given bytea, sort_middle bytea, sort_family bytea, search_text text,
						gender text) on commit drop
						""")
			.update();
		var random = new Random(NAMES);
		var names = new DemoNames(random);
		var rows = new ArrayList<Object[]>();
		for (var n = 0; n < NAMES; n++) {
			var female = random.nextInt(100) < 30;
			var name = PersonName.parse(names.next(female));
			rows.add(new Object[] { n, name.full(), name.family(), name.middle(), name.given(),
					PersonName.sortKey(name.given()), PersonName.sortKey(name.middle()),
					PersonName.sortKey(name.family()), VietnameseText.fold(name.full()),
					female ? Gender.FEMALE.name() : Gender.MALE.name() });
		}
		batch.batchUpdate("insert into synthetic_name values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private static void step(String what, int rows) {
		log.info("Synthetic committees: {} {}", rows, what);
	}

	private static String rubricText() {
		try {
			return new ClassPathResource("rubrics/A-42HD.json").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
