package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.classification.MemberReviews;
import vn.chibo.classification.OrganizationDecisions;
import vn.chibo.classification.OrganizationReviews;
import vn.chibo.classification.ReviewDecisions;
import vn.chibo.classification.ReviewProposals;
import vn.chibo.classification.ReviewLevel;
import vn.chibo.inspection.discipline.DisciplineCases;
import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * The demo's annual classifications (docs/domain.md §7, §14): each year since 2020 the
 * committee's decisions for every branch within the quota — one authorised exception in
 * 2023, the member reprimanded in 2024 not at the top, one member not fulfilling two
 * years running — the 2025 cycle with every member's self-review (100 points) and the
 * branch's proposals, and this year's review open at the self-review.
 */
@Component
class DemoClassification {

	private final MemberReviews reviews;

	private final OrganizationReviews organizationReviews;

	private final ReviewDecisions decisions;

	private final OrganizationDecisions organizationDecisions;

	private final ReviewProposals proposals;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final DisciplineCases discipline;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoClassification(MemberReviews reviews, ReviewProposals proposals, ReviewDecisions decisions,
			OrganizationDecisions organizationDecisions, OrganizationReviews organizationReviews, MemberQueries members,
			OrganizationQueries organizations, DisciplineCases discipline, TransactionTemplate transaction,
			Clock clock) {
		this.reviews = reviews;
		this.decisions = decisions;
		this.proposals = proposals;
		this.organizationDecisions = organizationDecisions;
		this.organizationReviews = organizationReviews;
		this.members = members;
		this.organizations = organizations;
		this.discipline = discipline;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Answers how many branch-years were decided. */
	int load(CurrentUser office) {
		var today = LocalDate.now(clock);
		var branches = DemoBranches.of(organizations, office);
		var decided = 0;
		for (var year = 2020; year < today.getYear(); year++) {
			var disciplined = discipline.disciplinedIn(office.committeeId(), year);
			for (var b = 0; b < branches.size(); b++) {
				var branch = branches.get(b);
				var y = year;
				var index = b;
				transaction.executeWithoutResult((status) -> {
					var rated = reviews.branch(office, branch.id(), y).reviews();
					if (y == today.getYear() - 1) {
						selfAndPropose(office, branch.id(), y, rated);
					}
					var levels = new HashMap<Long, ReviewLevel>();
					var good = (int) Math.round(rated.size() * 0.75);
					var excellent = good * 20 / 100;
					var exception = (y == 2023 && index == 1);
					for (var i = 0; i < rated.size(); i++) {
						var level = (i < excellent + (exception ? 1 : 0)) ? ReviewLevel.EXCELLENT
								: (i < excellent + good) ? ReviewLevel.GOOD : ReviewLevel.PASS;
						var member = rated.get((i + y) % rated.size()).memberId();
						if (disciplined.contains(member) && level == ReviewLevel.EXCELLENT) {
							level = ReviewLevel.PASS;
						}
						levels.put(member, level);
					}
					// One member of Hồng Lĩnh does not fulfil the tasks two years
					// running.
					if (index == 7 && y >= today.getYear() - 2) {
						levels.put(rated.getLast().memberId(), ReviewLevel.FAIL);
					}
					decisions.decide(office, branch.id(), y, levels, Map.of(),
							exception ? "Ban Thường vụ Đảng ủy Khối đồng ý cho chi bộ có thêm 01 đảng viên hoàn thành "
									+ "xuất sắc nhiệm vụ (Công văn số 15-CV/ĐUK)." : null,
							null);
				});
				decided++;
			}
		}
		transaction.executeWithoutResult((status) -> organisations(office, today));
		// This year's review is open at the self-review: a few members have written
		// theirs.
		if (today.getMonthValue() >= 11) {
			transaction.executeWithoutResult((status) -> {
				for (var branch : branches) {
					var rated = reviews.branch(office, branch.id(), today.getYear()).reviews();
					selfReview(office, branch.id(), today.getYear(), rated.subList(0, Math.min(3, rated.size())));
				}
			});
		}
		return decided;
	}

	/**
	 * The Party organisations (docs/domain.md §7, §11): each year one branch at the top
	 * level — the one the committee named "tiêu biểu" — six good and one fulfilled; last
	 * year with every branch's collective report; the superior's decision on the
	 * committee.
	 */
	private void organisations(CurrentUser office, LocalDate today) {
		var branches = DemoBranches.of(organizations, office);
		for (var year = 2020; year < today.getYear(); year++) {
			var levels = new HashMap<Long, ReviewLevel>();
			for (var b = 0; b < branches.size(); b++) {
				var level = (b == year % branches.size()) ? ReviewLevel.EXCELLENT
						: (b == (year + 3) % branches.size()) ? ReviewLevel.PASS : ReviewLevel.GOOD;
				if (year == today.getYear() - 1) {
					organizationReviews.selfReview(office, branches.get(b).id(), year, level,
							"Chi bộ duy trì nền nếp sinh hoạt, lãnh đạo hoàn thành nhiệm vụ chính trị của đơn vị; "
									+ "đảng viên gương mẫu, đoàn kết.");
				}
				levels.put(branches.get(b).id(), level);
			}
			organizationDecisions.decide(office, year, levels, null, null);
			organizationDecisions.recordSuperior(office, year,
					(year == 2023) ? ReviewLevel.EXCELLENT : ReviewLevel.GOOD, (120 + year % 10) + "-QĐ/ĐUK", null);
		}
		if (today.getMonthValue() >= 11) {
			organizationReviews.selfReview(office, branches.getFirst().id(), today.getYear(), ReviewLevel.GOOD,
					"Chi bộ tự đánh giá hoàn thành tốt nhiệm vụ năm " + today.getYear() + ".");
		}
	}

	/**
	 * The 2025 cycle's first two steps: every member's self-review, the branch's
	 * proposal.
	 */
	private void selfAndPropose(CurrentUser office, long branchId, int year, List<MemberReviews.Review> rated) {
		selfReview(office, branchId, year, rated);
		// Proposed at the branch's year-end review meeting, with its vote.
		var meeting = proposals.reviewMeetings(office, branchId, year).getLast();
		var all = reviews.branch(office, branchId, year).reviews();
		for (var i = 0; i < all.size(); i++) {
			var review = all.get(i);
			var against = (i % 7 == 3) ? 1 : 0;
			proposals.propose(office, branchId, year, review.memberId(), review.selfLevel(),
					"Chi bộ thống nhất với bản tự kiểm điểm của đồng chí.",
					new ReviewProposals.Vote(meeting.id(), all.size() - 1 - against, against));
		}
	}

	private void selfReview(CurrentUser office, long branchId, int year, List<MemberReviews.Review> rated) {
		for (var i = 0; i < rated.size(); i++) {
			var review = rated.get(i);
			var self = new CurrentUser(0, office.committeeId(), "system", "", review.fullName(), Role.MEMBER, branchId,
					review.memberId(), true, false);
			// The 100-point scale: most between 78 and 93.
			var scores = Map.of("1", String.valueOf(18 - i % 3), "2", String.valueOf(18 - i % 3), "3",
					String.valueOf(42 + i % 6), "4", String.valueOf(6 + i % 5));
			reviews.selfReview(self, year, ReviewLevel.GOOD, scores,
					"Luôn giữ vững lập trường tư tưởng chính trị, chấp hành nghiêm chủ trương của Đảng; "
							+ "hoàn thành các nhiệm vụ được giao đúng hạn.");
		}
	}

}
