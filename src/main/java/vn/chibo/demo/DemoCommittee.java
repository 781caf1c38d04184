package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import vn.chibo.account.AccountService;
import vn.chibo.member.Gender;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberLifecycle;
import vn.chibo.member.MemberService;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.member.TransferKind;
import vn.chibo.news.NewsReviewers;
import vn.chibo.organization.OrgLevel;
import vn.chibo.organization.OrganizationForm;
import vn.chibo.organization.OrganizationService;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.LoginHints;

/**
 * Loads the fictional committee of docs/domain.md §14 — Đảng bộ Cục Hải quan tỉnh Hà
 * Tĩnh, 8 branches, 196 generated members — once, in one transaction, through the same
 * services a user would use. It runs on the embedded default only, unless
 * {@code chibo.demo.enabled=true} asks for it on an external database.
 */
@Component
class DemoCommittee implements ApplicationRunner, LoginHints {

	static final String PASSWORD = "chibo-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoCommittee.class);

	/** Code, name, members, probationary members, field of work (docs/domain.md §14). */
	private record BranchPlan(String code, String name, int members, int probationary, String field) {
	}

	private static final List<BranchPlan> BRANCHES = List.of(
			new BranchPlan("CB01", "Chi bộ Hải quan CKQT Cầu Treo", 42, 3, "Cửa khẩu quốc tế biên giới Việt – Lào"),
			new BranchPlan("CB02", "Chi bộ Hải quan CK Cảng Vũng Áng", 46, 3, "Cảng biển"),
			new BranchPlan("CB03", "Chi bộ Đội Kiểm soát Hải quan (KSHQ)", 22, 2, "Chống buôn lậu"),
			new BranchPlan("CB04", "Chi bộ Đội KSPC Ma túy", 16, 1, "Phòng, chống ma túy"),
			new BranchPlan("CB05", "Chi bộ Nghiệp vụ", 24, 0, "Tham mưu nghiệp vụ"),
			new BranchPlan("CB06", "Chi bộ Văn phòng", 20, 1, "Văn phòng"),
			new BranchPlan("CB07", "Chi bộ Hải quan CK Cảng Xuân Hải", 14, 0, "Cảng biển"),
			new BranchPlan("CB08", "Chi bộ Hải quan Hồng Lĩnh", 12, 0, "Hải quan nội địa"));

	static final String SUPERIOR_CODE = "DUK";

	private static final String SUPERIOR_NAME = "Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh";

	/** Other committees under the same superior: invented names (docs/domain.md §14). */
	private static final List<String> NEIGHBOURS = List.of("Đảng bộ Bệnh viện Đa khoa Hồng Lam",
			"Đảng bộ Trường Cao đẳng Nghề Sông La", "Đảng bộ Công ty Cấp nước Ngàn Phố",
			"Đảng bộ Kho bạc Khu vực Hồng Lĩnh", "Đảng bộ Ban Quản lý Cảng cá Thạch Kim");

	// Days since admission of the ten probationary members: some due soon, one vote
	// overdue (docs/domain.md §4).
	private static final int[] PROBATION_DAYS = { 20, 60, 100, 150, 200, 250, 300, 345, 355, 440 };

	private final OrganizationService organizations;

	private final MemberService members;

	private final MemberLifecycle lifecycle;

	private final AccountService accounts;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private final DemoProperties settings;

	private final Clock clock;

	private final SyntheticMembers synthetic;

	private final DemoMeetings demoMeetings;

	private final SyntheticCommittees syntheticCommittees;

	private final DemoNews demoNews;

	private final JdbcClient jdbc;

	private final NewsReviewers newsReviewers;

	private final DemoLibrary demoLibrary;

	private final DemoStudy demoStudy;

	private final DemoTraining demoTraining;

	private final DemoRecognition demoRecognition;

	private final DemoInspection demoInspection;

	private final DemoClassification demoClassification;

	private final DemoReports demoReports;

	private final SyntheticLibrary syntheticLibrary;

	DemoCommittee(OrganizationService organizations, MemberService members, MemberLifecycle lifecycle,
			AccountService accounts, TransactionTemplate transaction, Environment environment, DemoProperties settings,
			Clock clock, SyntheticMembers synthetic, JdbcClient jdbc, DemoMeetings demoMeetings,
			SyntheticCommittees syntheticCommittees, DemoNews demoNews, NewsReviewers newsReviewers,
			DemoLibrary demoLibrary, SyntheticLibrary syntheticLibrary, DemoStudy demoStudy, DemoTraining demoTraining,
			DemoRecognition demoRecognition, DemoInspection demoInspection, DemoClassification demoClassification,
			DemoReports demoReports) {
		this.demoReports = demoReports;
		this.demoLibrary = demoLibrary;
		this.demoStudy = demoStudy;
		this.demoTraining = demoTraining;
		this.demoRecognition = demoRecognition;
		this.demoInspection = demoInspection;
		this.demoClassification = demoClassification;
		this.syntheticLibrary = syntheticLibrary;
		this.newsReviewers = newsReviewers;
		this.demoNews = demoNews;
		this.syntheticCommittees = syntheticCommittees;
		this.demoMeetings = demoMeetings;
		this.synthetic = synthetic;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
		this.lifecycle = lifecycle;
		this.accounts = accounts;
		this.transaction = transaction;
		this.environment = environment;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled()) {
			return;
		}
		if (organizations.anyCommittee()) {
			log.info("Demo committee already present");
		}
		else {
			var loaded = new AtomicReference<CurrentUser>();
			transaction.executeWithoutResult((status) -> {
				var system = load();
				loaded.set(system);
				var members = settings.syntheticMembers();
				var branches = settings.syntheticBranches();
				if (members > 0) {
					synthetic.add(system, members, branches, settings.syntheticAccounts());
				}
			});
			log.info("Demo committee loaded: 8 branches, 196 members");
			// Outside the demo's transaction: each study session commits on its own, as
			// the
			// office and the members write them.
			var studied = demoStudy.load(loaded.get());
			log.info("Demo study history loaded: {} sessions", studied);
			log.info("Demo training loaded: {} courses", demoTraining.load(loaded.get()));
			log.info("Demo awards loaded: {}", demoRecognition.load(loaded.get()));
			log.info("Demo inspections loaded: {}", demoInspection.load(loaded.get()));
			log.info("Demo classifications loaded: {} branch-years", demoClassification.load(loaded.get()));
			log.info("Demo report texts loaded: {}", demoReports.load(loaded.get()));
			if (settings.syntheticMembers() > 0 && settings.syntheticMeetingMonths() > 0) {
				// Outside the demo's transaction, on the committed members and fresh
				// statistics: hundreds of thousands of attendance lines.
				jdbc.sql("analyze").update();
				synthetic.addMeetings(loaded.get(), settings.syntheticMeetingMonths());
			}
			var documents = settings.syntheticDocuments();
			if (documents > 0) {
				// Outside the demo's transaction: each document commits on its own, as an
				// office adds them.
				syntheticLibrary.add(organizations.committeeId("HQHT").orElseThrow(), documents);
			}
			var committees = settings.syntheticCommittees();
			if (committees > 0) {
				// Outside the demo's transaction: millions of rows, vacuumed after.
				syntheticCommittees.add(committees, settings.syntheticCommitteeBranches(),
						settings.syntheticBranchMembers(), settings.syntheticMonths(),
						organizations.committeeId(SUPERIOR_CODE).orElse(null));
			}
			if (settings.syntheticMembers() > 0 || settings.syntheticDocuments() > 0) {
				// After a bulk load, fresh statistics and visibility map (for index-only
				// counts), as
				// autovacuum would do a little later.
				jdbc.sql("vacuum analyze").update();
			}
		}
		log.info("""

				  chibo is ready: http://localhost:{}
				  Demo logins (password '{}'): admin, vanphong, bithu.cb01 … bithu.cb08, dangvien.cb01 … dangvien.cb08,
				  ubkt (a member of the inspection committee), captren (the superior committee's observer)
				""", environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
				PASSWORD);
	}

	/** The login page lists the demo accounts where the demo committee is loaded. */
	@Override
	public boolean demoAccounts() {
		return enabled();
	}

	private boolean enabled() {
		var setting = settings.enabled();
		if (setting.equals("auto")) {
			return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		}
		return Boolean.parseBoolean(setting);
	}

	/**
	 * Loads the committee and answers the system user that acts for start-up work within
	 * it.
	 */
	private CurrentUser load() {
		var random = new Random(20200620);
		var names = new DemoNames(random);
		var today = LocalDate.now(clock);
		var committeeId = organizations.createCommittee("HQHT", "Đảng bộ Cục Hải quan tỉnh Hà Tĩnh", "Hà Tĩnh");
		var blocId = organizations.createRoot(committeeId, "DUK", "Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh",
				OrgLevel.BLOC);
		var system = new CurrentUser(0, committeeId, "system", "", "system", Role.ADMIN, blocId, null, true, false);
		var grassrootsId = organizations.create(system,
				organization("HQHT", "Đảng bộ Cục Hải quan tỉnh Hà Tĩnh", OrgLevel.GRASSROOTS, blocId, null));

		var levels = theoryLevels(random);
		var women = women(random);
		var termStart = LocalDate.of(2020, 7, 1);
		var branchIds = new ArrayList<Long>();
		var secretaries = new ArrayList<Long>();
		var ordinary = new ArrayList<Long>();
		var others = new ArrayList<Long>();
		var byBranch = new HashMap<Long, List<Long>>();
		var index = 0;
		var probationIndex = 0;
		var card = 10_234_000;
		for (var plan : BRANCHES) {
			var branchId = organizations.create(system,
					organization(plan.code(), plan.name(), OrgLevel.BRANCH, grassrootsId, plan.field()));
			branchIds.add(branchId);
			var ids = new ArrayList<Long>();
			for (var i = 0; i < plan.members(); i++, index++) {
				var female = women.get(index);
				var probationary = i >= plan.members() - plan.probationary();
				LocalDate dob;
				LocalDate admission;
				LocalDate official = null;
				String cardNo = null;
				if (probationary) {
					admission = today.minusDays(PROBATION_DAYS[probationIndex++]);
					dob = admission.minusYears(23 + random.nextInt(8)).minusDays(random.nextInt(365));
				}
				else {
					var age = (i < 3) ? 45 + random.nextInt(14) : 24 + random.nextInt(36);
					dob = today.minusYears(age).minusDays(random.nextInt(365));
					var admissionAge = 20 + random.nextInt(Math.max(1, Math.min(age - 21, 18)));
					admission = dob.plusYears(admissionAge).plusDays(random.nextInt(300));
					if (admission.isAfter(today.minusMonths(14))) {
						admission = today.minusMonths(14).minusDays(random.nextInt(200));
					}
					official = admission.plusMonths(12);
					cardNo = String.format("%08d", card++);
				}
				var level = levels.get(index);
				var form = new MemberForm(names.next(female), female ? Gender.FEMALE : Gender.MALE, dob, "Hà Tĩnh",
						"Hà Tĩnh", "Kinh", "Không", String.format("042%09d", 100_000_000 + index * 7919), null, null,
						jobTitle(i, random), "12/12", "Cử nhân", level, cardNo, null, admission, official, branchId,
						null, null);
				ids.add(members.create(system, form));
			}
			// Branch executive: secretary and deputy; a chi ủy where the branch has 9 or
			// more official members
			// (docs/domain.md §3) — 5 at CB02, 3 elsewhere.
			lifecycle.assignPost(system, ids.get(0), branchId, Post.SECRETARY, termStart);
			lifecycle.assignPost(system, ids.get(1), branchId, Post.DEPUTY_SECRETARY, termStart);
			var officialCount = plan.members() - plan.probationary();
			var executives = (plan.code().equals("CB02")) ? 3 : (officialCount >= 9 ? 1 : 0);
			for (var e = 0; e < executives; e++) {
				lifecycle.assignPost(system, ids.get(2 + e), branchId, Post.EXECUTIVE_MEMBER, termStart);
			}
			secretaries.add(ids.get(0));
			ordinary.add(ids.get(5));
			others.add(ids.get(6));
			byBranch.put(branchId, ids);
		}
		// Đảng ủy of 9 (docs/domain.md §14): the secretaries of CB01–CB07 as members,
		// plus a
		// secretary and a deputy.
		var committeeSecretary = secretaries.get(4);
		lifecycle.assignPost(system, committeeSecretary, grassrootsId, Post.COMMITTEE_SECRETARY, termStart);
		var committeeDeputy = secretaries.get(5);
		lifecycle.assignPost(system, committeeDeputy, grassrootsId, Post.COMMITTEE_DEPUTY_SECRETARY, termStart);
		var committeeMembers = new ArrayList<Long>();
		for (var b = 0; b < 8; b++) {
			if (b != 4 && b != 5) {
				committeeMembers.add(secretaries.get(b));
			}
		}
		committeeMembers.add(others.get(4));
		for (var member : committeeMembers) {
			lifecycle.assignPost(system, member, grassrootsId, Post.COMMITTEE_MEMBER, termStart);
		}
		// Inspection commission (UBKT) of 3.
		for (var member : List.of(committeeDeputy, others.get(2), others.get(6))) {
			lifecycle.assignPost(system, member, grassrootsId, Post.INSPECTION_MEMBER, termStart);
		}
		// Each branch is followed by a committee member from another branch
		// (docs/domain.md §5
		// step 3).
		for (var b = 0; b < branchIds.size(); b++) {
			var follower = committeeMembers.get((b + 1) % committeeMembers.size());
			lifecycle.assignPost(system, follower, branchIds.get(b), Post.FOLLOWER, termStart);
		}
		overlays(system, branchIds, byBranch, today);
		accounts.create(committeeId, "admin", PASSWORD, "Quản trị hệ thống", Role.ADMIN, blocId, null);
		accounts.create(committeeId, "vanphong", PASSWORD, "Văn phòng Đảng ủy", Role.OFFICE, grassrootsId, null);
		// A member of the inspection committee (docs/domain.md §10), who reads its
		// confidential
		// records by that post.
		accounts.create(committeeId, "ubkt", PASSWORD, "Ủy viên Ủy ban Kiểm tra", Role.COMMITTEE_MEMBER, grassrootsId,
				others.get(2));
		for (var b = 0; b < BRANCHES.size(); b++) {
			var code = BRANCHES.get(b).code().toLowerCase(Locale.ROOT);
			accounts.create(committeeId, "bithu." + code, PASSWORD, "Bí thư " + BRANCHES.get(b).name(), Role.SECRETARY,
					branchIds.get(b), secretaries.get(b));
			accounts.create(committeeId, "dangvien." + code, PASSWORD, "Đảng viên " + BRANCHES.get(b).name(),
					Role.MEMBER, branchIds.get(b), ordinary.get(b));
		}
		var committeeSystem = new CurrentUser(0, committeeId, "system", "", "system", Role.ADMIN, grassrootsId, null,
				true, false);
		var held = demoMeetings.load(committeeSystem, branchIds, secretaries, ordinary);
		demoNews.load(committeeSystem, clock.getZone());
		demoLibrary.load(committeeSystem);
		// The secretary of Chi bộ Văn phòng reviews the news beside the office.
		newsReviewers.name(committeeSystem, secretaries.get(5));
		log.info("Demo meeting history loaded: {} meetings since {}", held, DemoMeetings.FIRST_MONTH);
		superior(committeeId);
		return committeeSystem;
	}

	/**
	 * The superior committee (docs/domain.md §3: for the seed, the bloc committee) as a
	 * tenant of its own, with an observer account and a few other grassroots committees
	 * under it beside the demo one, their scores drawn (SyntheticCommittees).
	 */
	private void superior(long committeeId) {
		var superiorId = organizations.createSuperiorCommittee(SUPERIOR_CODE, SUPERIOR_NAME, "Hà Tĩnh");
		var rootId = organizations.createRoot(superiorId, SUPERIOR_CODE, SUPERIOR_NAME, OrgLevel.BLOC);
		organizations.placeUnder(committeeId, superiorId);
		accounts.create(superiorId, "captren", PASSWORD, "Ban Tổ chức Đảng ủy Khối", Role.OBSERVER, rootId, null);
		syntheticCommittees.add("DEMO-", NEIGHBOURS, 6, 12, 12, superiorId);
	}

	/**
	 * Two exempted (ill), three temporarily in, one temporarily out — all within the 196
	 * (docs/domain.md §14).
	 */
	private void overlays(CurrentUser system, List<Long> branchIds, Map<Long, List<Long>> byBranch, LocalDate today) {
		lifecycle.exempt(system, byBranch.get(branchIds.get(4)).get(10), today.minusMonths(20), "Ốm dài ngày");
		lifecycle.exempt(system, byBranch.get(branchIds.get(5)).get(10), today.minusMonths(8), "Ốm dài ngày");
		lifecycle.transfer(system, byBranch.get(branchIds.get(3)).get(10), TransferKind.TEMPORARY_OUT,
				"Đảng bộ Trường Chính trị Trần Phú", "12-GGT/ĐU", today.minusMonths(3));
		for (var b = 0; b < 3; b++) {
			lifecycle.transfer(system, byBranch.get(branchIds.get(b)).get(8), TransferKind.TEMPORARY_IN,
					"Đảng bộ Cục Hải quan tỉnh Quảng Bình", "0" + (3 + b) + "-GGT/ĐU", today.minusMonths(4 + b));
		}
	}

	private static OrganizationForm organization(String code, String name, OrgLevel level, long parentId,
			String field) {
		var form = new OrganizationForm();
		form.setCode(code);
		form.setName(name);
		form.setLevel(level);
		form.setParentId(parentId);
		form.setFieldOfWork(field);
		form.setFoundedOn(LocalDate.of(2005, 1, 1));
		return form;
	}

	/** Cao cấp 9, trung cấp 48, sơ cấp 110, none 29 (docs/domain.md §14), shuffled. */
	private static List<TheoryLevel> theoryLevels(Random random) {
		var levels = new ArrayList<TheoryLevel>();
		levels.addAll(Collections.nCopies(9, TheoryLevel.ADVANCED));
		levels.addAll(Collections.nCopies(48, TheoryLevel.INTERMEDIATE));
		levels.addAll(Collections.nCopies(110, TheoryLevel.ELEMENTARY));
		levels.addAll(Collections.nCopies(29, TheoryLevel.NONE));
		Collections.shuffle(levels, random);
		return levels;
	}

	/** About 30% women. */
	private static List<Boolean> women(Random random) {
		var women = new ArrayList<Boolean>();
		for (var i = 0; i < 196; i++) {
			women.add(i < 59);
		}
		Collections.shuffle(women, random);
		return women;
	}

	private static String jobTitle(int position, Random random) {
		if (position < 2) {
			return (position == 0) ? "Đội trưởng" : "Phó Đội trưởng";
		}
		return List.of("Kiểm tra viên hải quan", "Kiểm tra viên chính", "Chuyên viên", "Nhân viên")
			.get(random.nextInt(4));
	}

}
