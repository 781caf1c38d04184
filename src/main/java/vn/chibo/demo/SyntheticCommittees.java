package vn.chibo.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Province-sized data for the evaluation benchmark ({@code bench/evaluation-scale.sh};
 * issue: evaluation §6): other grassroots committees beside the demo one, each with its
 * branches and members, five years of monthly meetings with attendance and scores,
 * written set-based in SQL so that millions of rows take minutes. Their scores are drawn,
 * not computed: the benchmark measures reading dashboards, and the demo committee's own
 * scores stay computed. Off unless {@code chibo.demo.synthetic-committees} is set.
 */
@Component
class SyntheticCommittees {

	private static final Logger log = LoggerFactory.getLogger(SyntheticCommittees.class);

	private final JdbcClient jdbc;

	SyntheticCommittees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(int committees, int branches, int members, int months) {
		var rubric = rubricText();
		var mine = "(select id from committee where code like 'SYN-%')";
		step("committees", jdbc.sql("""
				insert into committee (code, name, place_name)
				select 'SYN-' || c, 'Đảng bộ tổng hợp số ' || c, 'Hà Tĩnh' from generate_series(1, :n) c
				""").param("n", committees).update());
		step("roots", jdbc.sql("""
				insert into organization (committee_id, code, name, level)
				select id, 'ROOT', name, 'GRASSROOTS' from committee where code like 'SYN-%'
				""").update());
		step("branches", jdbc.sql("""
				insert into organization (committee_id, code, name, level, parent_id)
				select r.committee_id, 'B' || b, 'Chi bộ số ' || b, 'BRANCH', r.id from organization r
				cross join generate_series(1, :b) b where r.code = 'ROOT' and r.committee_id in %s
				""".formatted(mine)).param("b", branches).update());
		step("members", jdbc
			.sql("""
					insert into member (committee_id, full_name, family_name, given_name, sort_given, sort_middle, sort_family,
					search_text, gender, admission_date, official_date, status, branch_id)
					select o.committee_id, 'Đảng viên ' || o.code || '.' || m, 'Đảng', 'viên ' || m, int4send(m), '', '',
					'dang vien ' || o.code || ' ' || m, case when m %% 3 = 0 then 'FEMALE' else 'MALE' end, date '2010-01-01',
					date '2011-01-01', 'OFFICIAL', o.id from organization o cross join generate_series(1, :m) m
					where o.level = 'BRANCH' and o.committee_id in %s
					"""
				.formatted(mine))
			.param("m", members)
			.update());
		step("rubrics", jdbc.sql("""
				insert into rubric (committee_id, code, version, name, definition, valid_from, applies_to, created_by)
				select id, 'A-42HD', 1, 'Rubric A', :text, date '2018-07-06', '{REGULAR}', 'system'
				from committee where code like 'SYN-%'
				""").param("text", rubric).update());
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
		step("scores", jdbc
			.sql("""
					insert into meeting_score (committee_id, meeting_id, rubric_id, branch_id, scheduled_on, kind, total, max,
					percent, level, details, scored_by)
					select g.committee_id, g.id, r.id, g.branch_id, g.scheduled_on, 'REGULAR', p, 100, p,
					case when p >= 90 then 'GOOD' when p >= 70 then 'FAIR' when p >= 50 then 'AVERAGE' else 'WEAK' end,
					'{}', 'system'
					from meeting g join rubric r on r.committee_id = g.committee_id
					cross join lateral (select round((55 + random() * 45 + (g.id * 0))::numeric, 1) as p) x
					where g.committee_id in %s
					"""
				.formatted(mine))
			.update());
		step("score lines", jdbc
			.sql("""
					insert into meeting_score_line (committee_id, meeting_id, rubric_id, branch_id, scheduled_on, rubric_code,
					criterion, name, points, max)
					select s.committee_id, s.meeting_id, s.rubric_id, s.branch_id, s.scheduled_on, 'A-42HD', '1.' || k,
					'Tiêu chí ' || k, round((5 * random() + (s.meeting_id * 0))::numeric, 1), 5
					from meeting_score s cross join generate_series(1, 28) k where s.committee_id in %s
					"""
				.formatted(mine))
			.update());
		jdbc.sql("vacuum analyze").update();
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
