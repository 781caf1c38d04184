package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountService;
import vn.chibo.member.Gender;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberService;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrgLevel;
import vn.chibo.organization.OrganizationForm;
import vn.chibo.organization.OrganizationService;
import vn.chibo.shared.security.CurrentUser;

/**
 * A large synthetic committee for the benchmarks in {@code bench/}: extra branches under
 * the demo committee, filled with generated members through the same services, so the
 * measured data carries the same keys, history and audit rows as real data. Off unless
 * {@code chibo.demo.synthetic-members} is set.
 */
@Component
class SyntheticMembers {

	private static final Logger log = LoggerFactory.getLogger(SyntheticMembers.class);

	private static final TheoryLevel[] LEVELS = TheoryLevel.values();

	private final OrganizationService organizations;

	private final MemberService members;

	static final String BENCH_PASSWORD = "chibo-bench";

	private final Clock clock;

	private final AccountService accounts;

	private final JdbcClient jdbc;

	SyntheticMembers(OrganizationService organizations, MemberService members, Clock clock, AccountService accounts,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.organizations = organizations;
		this.members = members;
		this.clock = clock;
	}

	void add(CurrentUser system, int count, int branchCount) {
		add(system, count, branchCount, false);
	}

	/**
	 * Adds the branches and members; with {@code accounts}, also a member account for
	 * each (password {@value #BENCH_PASSWORD}) for the check-in benchmark.
	 */
	void add(CurrentUser system, int count, int branchCount, boolean accounts) {
		var random = new Random(count * 31L + branchCount);
		var names = new DemoNames(random);
		var today = LocalDate.now(clock);
		var branches = new ArrayList<Long>();
		for (var b = 1; b <= branchCount; b++) {
			var form = new OrganizationForm();
			form.setCode("S%03d".formatted(b));
			form.setName("Chi bộ số %02d".formatted(b));
			form.setLevel(OrgLevel.BRANCH);
			form.setParentId(system.scopeOrganizationId());
			branches.add(organizations.create(system, form));
		}
		for (var i = 0; i < count; i++) {
			var female = random.nextInt(100) < 30;
			var age = 24 + random.nextInt(36);
			var dob = today.minusYears(age).minusDays(random.nextInt(365));
			var admission = dob.plusYears(20 + random.nextInt(Math.max(1, Math.min(age - 21, 18))));
			if (admission.isAfter(today.minusMonths(14))) {
				admission = today.minusMonths(14);
			}
			var form = new MemberForm(names.next(female), female ? Gender.FEMALE : Gender.MALE, dob, null, null, null,
					null, null, null, null, null, null, null, LEVELS[random.nextInt(LEVELS.length)],
					"%08d".formatted(50_000_000 + i), null, admission, admission.plusMonths(12),
					branches.get(i % branchCount), null, null);
			members.create(system, form);
			if ((i + 1) % 2000 == 0) {
				log.info("Synthetic members: {} of {}", i + 1, count);
			}
		}
		if (accounts) {
			log.info("Synthetic member accounts: {}",
					this.accounts.createBenchAccounts(system.committeeId(), branches, BENCH_PASSWORD));
		}
	}

	/**
	 * Meetings of the generated branches for the meetings page's benchmark: a regular
	 * meeting on the 20th of each of the last {@code months} months and the next three, a
	 * thematic one on the 10th of every third month, those past held with every member's
	 * attendance drawn (mostly present, some absent with or without reason), written
	 * set-based.
	 */
	void addMeetings(CurrentUser system, int months) {
		var meetings = jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, topic, topic_group)
				select o.committee_id, o.id, k.kind, (date_trunc('month', cast(:today as date))
					+ make_interval(months => m))::date + k.day - 1, time '14:00',
				case when m < 0 then 'HELD' else 'PLANNED' end,
				case when k.kind = 'THEMATIC' then 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' end,
				case when k.kind = 'THEMATIC' then 'HO_CHI_MINH' end
				from organization o cross join generate_series(-:months, 2) m
				cross join (values ('REGULAR', 20), ('THEMATIC', 10)) k(kind, day)
				where o.committee_id = :committee and o.level = 'BRANCH' and o.code like 'S%'
				and (k.kind = 'REGULAR' or m % 3 = 0)
				""")
			.param("today", LocalDate.now(clock))
			.param("months", months)
			.param("committee", system.committeeId())
			.update();
		var lines = jdbc.sql("""
				insert into meeting_attendance (committee_id, meeting_id, member_id, position, full_name, probationary,
				exempted, temporary_in, temporary_out, status, reason, method, recorded_by)
				select g.committee_id, g.id, m.id, row_number() over (partition by g.id order by m.id), m.full_name,
				m.status = 'PROBATIONARY', false, false, false,
				case when r < 0.05 then 'ABSENT_EXCUSED' when r < 0.07 then 'ABSENT_UNEXCUSED' when r < 0.1 then 'LATE'
					else 'PRESENT' end,
				case when r < 0.05 then 'Đi công tác' end, 'ROLL_CALL', 'system'
				from meeting g join organization o on o.committee_id = g.committee_id and o.id = g.branch_id
				join member m on m.committee_id = g.committee_id and m.branch_id = g.branch_id
				cross join lateral (select random() + (m.id * 0) as r) x
				where g.committee_id = :committee and g.status = 'HELD' and o.code like 'S%'
				""").param("committee", system.committeeId()).update();
		log.info("Synthetic meetings: {}, with {} attendance lines", meetings, lines);
	}

}
