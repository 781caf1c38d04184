package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	SyntheticMembers(OrganizationService organizations, MemberService members, Clock clock, AccountService accounts) {
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

}
