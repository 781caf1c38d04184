package vn.chibo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.AccountService;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.HeldMeeting;
import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingHistory;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.member.Gender;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberLifecycle;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberService;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrgLevel;
import vn.chibo.organization.OrganizationForm;
import vn.chibo.organization.OrganizationService;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * Test data a test builds for itself instead of reading the demo committee: a committee
 * of its own — a grassroots committee with two branches and the office's account — and
 * its members. Nothing of it is seen by another test: every query is scoped by committee,
 * and its branches' codes (T01, T02) are none of the demo's, which tests look up by code.
 */
@TestComponent
public class Fixtures {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final OrganizationService organizations;

	private final MemberService members;

	private final MemberLifecycle lifecycle;

	private final MemberQueries memberQueries;

	/** Absent from the module tests that start a module without the account module. */
	private final ObjectProvider<AccountService> accounts;

	/** Absent from the module tests that start a module without the meeting module. */
	private final ObjectProvider<MeetingHistory> history;

	private final JdbcClient jdbc;

	Fixtures(OrganizationService organizations, MemberService members, MemberLifecycle lifecycle,
			MemberQueries memberQueries, ObjectProvider<AccountService> accounts,
			ObjectProvider<MeetingHistory> history, JdbcClient jdbc) {
		this.organizations = organizations;
		this.members = members;
		this.lifecycle = lifecycle;
		this.memberQueries = memberQueries;
		this.accounts = accounts;
		this.history = history;
		this.jdbc = jdbc;
	}

	/**
	 * A committee built for one test. Its logins have no account unless a test makes one
	 * ({@link Fixtures#account}); each has an id of its own, negative so that it is no
	 * real account's, the same however often it is asked for.
	 */
	public record Committee(long id, long grassroots, List<Long> branches, CurrentUser office) {

		private long login(int kind) {
			return -(id * 100 + kind);
		}

		private static long memberLogin(long memberId, int kind) {
			return -(1_000_000_000L + memberId * 10 + kind);
		}

		public long branch(int number) {
			return branches.get(number - 1);
		}

		/**
		 * The login of a member of a branch (1 or 2), made with {@link Fixtures#member}.
		 */
		public CurrentUser memberLogin(int number, long memberId) {
			return new CurrentUser(memberLogin(memberId, 1), id, "member" + memberId + "-" + id, "", "Đảng viên",
					Role.MEMBER, branch(number), memberId, true, false);
		}

		/** The login of the secretary of a branch (1 or 2) who is the given member. */
		public CurrentUser secretary(int number, long memberId) {
			return new CurrentUser(memberLogin(memberId, 2), id, "secretary" + memberId + "-" + id, "", "Bí thư",
					Role.SECRETARY, branch(number), memberId, true, false);
		}

		/**
		 * An observer of the superior committee reading this one (docs/domain.md §3
		 * roles).
		 */
		public CurrentUser observer() {
			return new CurrentUser(login(3), id, "observer-" + id, "", "Cấp trên", Role.OBSERVER, grassroots, null,
					true, false);
		}

		/**
		 * A member of the committee's executive (đảng ủy viên) who is the given member,
		 * reading the whole committee; what more it may do comes from the member's posts.
		 */
		public CurrentUser committeeMember(long memberId) {
			return new CurrentUser(memberLogin(memberId, 3), id, "committee" + memberId + "-" + id, "", "Đảng ủy viên",
					Role.COMMITTEE_MEMBER, grassroots, memberId, true, false);
		}

		/** The committee's administrator. */
		public CurrentUser admin() {
			return new CurrentUser(login(2), id, "admin-" + id, "", "Quản trị", Role.ADMIN, grassroots, null, true,
					false);
		}

		/** The secretary of a branch (1 or 2). */
		public CurrentUser secretary(int number) {
			return new CurrentUser(login(10 + number), id, "secretary" + number + "-" + id, "", "Bí thư",
					Role.SECRETARY, branch(number), null, true, false);
		}

	}

	public Committee committee() {
		var code = "FX" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
		var id = organizations.createCommittee(code, "Đảng bộ thử " + code, "Hà Tĩnh");
		var root = organizations.createRoot(id, code, "Đảng bộ cơ sở thử " + code, OrgLevel.GRASSROOTS);
		var office = new CurrentUser(-(id * 100 + 1), id, "office-" + code, "", "Văn phòng", Role.OFFICE, root, null,
				true, false);
		var first = organizations.create(office, branch("T01", "Chi bộ Văn phòng", root));
		var second = organizations.create(office, branch("T02", "Chi bộ Nghiệp vụ", root));
		return new Committee(id, root, List.of(first, second), office);
	}

	/**
	 * Branches T03, T04, … added to the committee's two up to {@code last} ("Chi bộ thử
	 * 03", …), none of which has met: a committee with pages of branches.
	 */
	public void moreBranches(Committee committee, int last) {
		for (var n = 3; n <= last; n++) {
			organizations.create(committee.office(),
					branch("T%02d".formatted(n), "Chi bộ thử %02d".formatted(n), committee.grassroots()));
		}
	}

	/**
	 * A committee of its own with, in each of its two branches, a secretary who is a
	 * member holding the post since 2020 (Nguyễn Văn Chủ; Đỗ Văn Khánh) and a member (Lê
	 * Thị Hoa; Cao Văn Sơn): the people most access tests need — one branch's, and
	 * another branch's.
	 */
	public record People(Committee committee, CurrentUser secretary, CurrentUser member, CurrentUser otherSecretary,
			CurrentUser otherMember) {

		public long branch() {
			return committee.branch(1);
		}

		public long otherBranch() {
			return committee.branch(2);
		}

	}

	public People people() {
		var committee = committee();
		var first = committee.branch(1);
		var second = committee.branch(2);
		var secretary = member(committee, first, "Nguyễn Văn Chủ", TheoryLevel.INTERMEDIATE);
		post(committee, secretary, first, Post.SECRETARY);
		var otherSecretary = member(committee, second, "Đỗ Văn Khánh", TheoryLevel.INTERMEDIATE);
		post(committee, otherSecretary, second, Post.SECRETARY);
		return new People(committee, committee.secretary(1, secretary),
				committee.memberLogin(1, member(committee, first, "Lê Thị Hoa", TheoryLevel.ELEMENTARY)),
				committee.secretary(2, otherSecretary),
				committee.memberLogin(2, member(committee, second, "Cao Văn Sơn", TheoryLevel.ELEMENTARY)));
	}

	/** An official member of the branch, admitted in 2010, at the given theory level. */
	public long member(Committee committee, long branchId, String fullName, TheoryLevel level) {
		var form = new MemberForm(fullName, Gender.MALE, LocalDate.of(1985, 4, 12), "Hà Tĩnh", null, "Kinh", null, null,
				null, null, null, null, null, level, null, null, LocalDate.of(2010, 5, 19), LocalDate.of(2011, 5, 19),
				branchId, null, null);
		return members.create(committee.office(), form);
	}

	/** A probationary member of the branch, admitted six months ago. */
	public long probationary(Committee committee, long branchId, String fullName) {
		var form = new MemberForm(fullName, Gender.FEMALE, LocalDate.of(1998, 9, 2), "Hà Tĩnh", null, "Kinh", null,
				null, null, null, null, null, null, TheoryLevel.ELEMENTARY, null, null, LocalDate.now().minusMonths(6),
				null, branchId, null, null);
		return members.create(committee.office(), form);
	}

	/**
	 * A member of the committee's inspection committee, Trương Văn Kiểm of the second
	 * branch, who signs in as a committee member (docs/domain.md §10).
	 */
	public CurrentUser inspector(People people) {
		var committee = people.committee();
		var inspector = member(committee, people.otherBranch(), "Trương Văn Kiểm", TheoryLevel.ADVANCED);
		post(committee, inspector, committee.grassroots(), Post.INSPECTION_MEMBER);
		return committee.committeeMember(inspector);
	}

	/**
	 * A regular meeting of the branch held on the date (14:00–16:30), brought in as a
	 * branch's earlier record is (docs/domain.md §5): each member of {@code attendance}
	 * on the roll as given (an excused absence with its reason), chaired by the first of
	 * them and minuted by the last, the minutes signed the next day when {@code signed},
	 * with the tasks given. Answers the meeting's id.
	 */
	public long held(Committee committee, long branchId, LocalDate date, Map<Long, AttendanceStatus> attendance,
			boolean signed, List<HeldMeeting.Task> tasks) {
		var roll = new LinkedHashMap<Long, HeldMeeting.Attendance>();
		attendance.forEach((member, status) -> roll.put(member, new HeldMeeting.Attendance(status,
				(status == AttendanceStatus.ABSENT_EXCUSED) ? "Đi công tác" : null)));
		var people = List.copyOf(attendance.keySet());
		var zone = ZoneId.of("Asia/Ho_Chi_Minh");
		var meeting = new HeldMeeting(branchId, MeetingKind.REGULAR, date, LocalTime.of(14, 0), LocalTime.of(16, 30),
				"Phòng họp chi bộ", null, null, null, Map.of(), roll, people.getFirst(), people.getLast(),
				"Thông tin thời sự trong tháng.", "Chi bộ đánh giá việc thực hiện nhiệm vụ tháng.",
				"Chi bộ thống nhất nhiệm vụ tháng tới.", "Nghị quyết tháng.", List.of(), List.of("Hoàn thành kế hoạch"),
				List.of(), tasks, List.of(),
				signed ? date.plusDays(1).atTime(9, 0).atZone(zone).toOffsetDateTime() : null);
		history.getObject().importHeld(committee.id(), committee.office().username(), List.of(meeting));
		return jdbc.sql("""
				select max(id) from meeting where committee_id = :c and branch_id = :b and scheduled_on = :d
				""").param("c", committee.id()).param("b", branchId).param("d", date).query(Long.class).single();
	}

	/**
	 * The form of a regular meeting of the branch on the day, at the hour, in the hall.
	 */
	public static MeetingForm regularMeeting(long branchId, LocalDate on, int hour) {
		var form = new MeetingForm();
		form.setBranchId(branchId);
		form.setKind(MeetingKind.REGULAR);
		form.setScheduledOn(on);
		form.setStartsAt(LocalTime.of(hour, 0));
		form.setPlace("Hội trường");
		return form;
	}

	/**
	 * Changes the member's record through its form, as the office does (a party card
	 * number, an e-mail address…).
	 */
	public void record(Committee committee, long memberId, Consumer<MemberForm> change) {
		var form = memberQueries.find(committee.id(), memberId).orElseThrow().toForm();
		change.accept(form);
		members.update(committee.office(), memberId, form);
	}

	/**
	 * The member holds the post in the unit (a branch or the grassroots committee) since
	 * 2020.
	 */
	public void post(Committee committee, long memberId, long organizationId, Post post) {
		lifecycle.assignPost(committee.office(), memberId, organizationId, post, LocalDate.of(2020, 7, 1));
	}

	/**
	 * An account that signs in as the user (one of a {@link Committee}'s logins) with the
	 * demo accounts' password, for the tests that go through the login form or a browser.
	 * Answers the user name.
	 */
	public String account(CurrentUser user) {
		return signedIn(user).username();
	}

	/**
	 * The user as signed in with an account of its own (the demo accounts' password): the
	 * same login with the account's id, for the pages that act on one's own account.
	 */
	public CurrentUser signedIn(CurrentUser user) {
		var id = accounts.getObject()
			.create(user.committeeId(), user.username(), DemoUsers.PASSWORD, user.displayName(), user.role(),
					user.scopeOrganizationId(), user.memberId());
		return new CurrentUser(id, user.committeeId(), user.username(), "", user.displayName(), user.role(),
				user.scopeOrganizationId(), user.memberId(), true, false);
	}

	private static OrganizationForm branch(String code, String name, long parentId) {
		var form = new OrganizationForm();
		form.setCode(code);
		form.setName(name);
		form.setLevel(OrgLevel.BRANCH);
		form.setParentId(parentId);
		return form;
	}

}
