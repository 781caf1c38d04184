package vn.chibo.demo;

import java.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.Post;
import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.recognition.AwardForm;
import vn.chibo.recognition.AwardKind;
import vn.chibo.recognition.Awards;
import vn.chibo.recognition.ContestPrize;
import vn.chibo.recognition.ContestQueries;
import vn.chibo.recognition.ContestRounds;
import vn.chibo.recognition.Contests;
import vn.chibo.shared.security.CurrentUser;

/**
 * The demo's commendations (docs/domain.md §11, §14, seed): the collective and the member
 * praised by the bloc committee at the three-year review of Chỉ thị 05-CT/TW, the first
 * prize of the 2017 contest, a branch named "trong sạch, vững mạnh tiêu biểu" each year
 * since 2021, and the 30-year Party badges of two members already presented.
 */
@Component
class DemoRecognition {

	private static final String KHOI = "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh";

	private static final String COMMITTEE = "Ban Chấp hành Đảng bộ Cục Hải quan tỉnh Hà Tĩnh";

	private final Awards awards;

	private final Contests contests;

	private final ContestQueries contestQueries;

	private final ContestRounds rounds;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoRecognition(Awards awards, Contests contests, ContestQueries contestQueries, ContestRounds rounds,
			MemberQueries members, OrganizationQueries organizations, TransactionTemplate transaction, Clock clock) {
		this.awards = awards;
		this.contests = contests;
		this.contestQueries = contestQueries;
		this.rounds = rounds;
		this.members = members;
		this.organizations = organizations;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Answers how many awards were recorded. */
	int load(CurrentUser office) {
		return transaction.execute((status) -> {
			var today = LocalDate.now(clock);
			var branches = DemoBranches.of(organizations, office);
			var official = members
				.search(office, new MemberFilter(null, null, MemberStatus.OFFICIAL, null, null, null), 0, 400)
				.items();
			var count = 0;
			award(office, AwardKind.PRAISE, "Tập thể có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW",
					"245-QĐ/ĐUK", LocalDate.of(2019, 5, 15), null, branches.get(4).id(), null);
			award(office, AwardKind.PRAISE, "Cá nhân có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW",
					"245-QĐ/ĐUK", LocalDate.of(2019, 5, 15), official.get(7).id(), null, null);
			count += 2 + contests(office, branches, official.get(21).id(), today);
			for (var year = 2021; year < today.getYear(); year++) {
				award(office, AwardKind.TITLE, "Chi bộ trong sạch, vững mạnh tiêu biểu năm " + year,
						(10 + year % 7) + "-QĐ/ĐU", LocalDate.of(year + 1, 1, 20), null,
						branches.get(year % branches.size()).id(), null);
				count++;
			}
			var badges = 0;
			for (var member : official) {
				var thirty = member.admissionDate().plusYears(30);
				if (badges < 2 && thirty.isBefore(today.minusMonths(2))) {
					award(office, AwardKind.BADGE, "Huy hiệu 30 năm tuổi Đảng", "Đợt " + thirty.getYear(), thirty,
							member.id(), null, 30);
					badges++;
				}
			}
			return count + badges;
		});
	}

	/**
	 * The seed's first prize at the bloc committee's 2017 contest on Hồ Chí Minh's
	 * thought, the committee's own contest of branch secretaries (two rounds, three
	 * judges), the branches' storytelling about Uncle Hồ, and this year's contest of
	 * reporters still in its first round. Answers how many prizes were given (each is an
	 * award).
	 */
	private int contests(CurrentUser office, List<OrgNode> branches, long seedWinner, LocalDate today) {
		var prizes = 0;
		var khoi = contests.create(office, new Contests.Draft(
				"Hội thi tìm hiểu tư tưởng Hồ Chí Minh nhân 60 năm Bác về thăm Hà Tĩnh", KHOI,
				LocalDate.of(2017, 5, 20), LocalDate.of(2017, 6, 10),
				"Hội thi của Đảng ủy Khối kỷ niệm 60 năm Bác Hồ về thăm Hà Tĩnh (15/6/1957 – 15/6/2017) và 10 năm thành "
						+ "lập thành phố Hà Tĩnh.",
				List.of("Chung kết"), List.of(), List.of()));
		var entry = contests.enter(office, khoi, seedWinner, null, "Bác Hồ với quê hương Hà Tĩnh");
		prizes += contests.givePrizes(office, khoi, Map.of(entry, ContestPrize.FIRST), "112-QĐ/ĐUK",
				LocalDate.of(2017, 6, 15));

		var criteria = List.of(new Contests.Criterion("Nội dung, kiến thức", new BigDecimal(50)),
				new Contests.Criterion("Xử lý tình huống", new BigDecimal(30)),
				new Contests.Criterion("Phong cách trình bày", new BigDecimal(20)));
		var judges = List.of("Nguyễn Hữu Đức", "Trần Thị Hương", "Lê Văn Thắng");
		var secretaries = contests.create(office, new Contests.Draft("Hội thi Bí thư chi bộ giỏi năm 2024", COMMITTEE,
				LocalDate.of(2024, 8, 15), LocalDate.of(2024, 9, 20),
				"Các đồng chí bí thư chi bộ thi kiến thức về công tác đảng và xử lý tình huống trong sinh hoạt chi bộ.",
				List.of("Vòng sơ khảo", "Vòng chung khảo"), criteria, judges));
		var entries = new ArrayList<Long>();
		for (var branch : branches) {
			members.currentPosts(office.committeeId(), branch.id())
				.stream()
				.filter((p) -> p.post() == Post.SECRETARY)
				.findFirst()
				.ifPresent((p) -> entries.add(contests.enter(office, secretaries, p.memberId(), null, null)));
		}
		score(office, secretaries, 1, entries, criteria, judges.size(), 3);
		var finalists = ranked(office, secretaries).subList(0, Math.min(4, entries.size()));
		rounds.advance(office, secretaries, 1, finalists);
		score(office, secretaries, 2, finalists, criteria, judges.size(), 5);
		var order = ranked(office, secretaries);
		var prizeOf = new LinkedHashMap<Long, ContestPrize>();
		var kinds = List.of(ContestPrize.FIRST, ContestPrize.SECOND, ContestPrize.THIRD, ContestPrize.CONSOLATION);
		for (var i = 0; i < Math.min(kinds.size(), order.size()); i++) {
			prizeOf.put(order.get(i), kinds.get(i));
		}
		prizes += contests.givePrizes(office, secretaries, prizeOf, "86-QĐ/ĐU", LocalDate.of(2024, 9, 25));

		var stories = contests.create(office,
				new Contests.Draft("Hội thi kể chuyện về Bác Hồ năm 2025", COMMITTEE, LocalDate.of(2025, 5, 10),
						LocalDate.of(2025, 5, 10), null, List.of("Chung kết"),
						List.of(new Contests.Criterion("Nội dung câu chuyện", new BigDecimal(60)),
								new Contests.Criterion("Cách kể, truyền cảm", new BigDecimal(40))),
						List.of("Phan Thị Lan", "Đặng Quốc Huy")));
		var teams = new ArrayList<Long>();
		for (var branch : branches.subList(0, Math.min(5, branches.size()))) {
			teams.add(contests.enter(office, stories, null, branch.id(),
					"Câu chuyện " + (teams.size() + 1) + ": Bác Hồ với "
							+ List
								.of("cán bộ hải quan", "quê hương Nghệ Tĩnh", "thanh niên", "bộ đội biên phòng",
										"nhân dân vùng biên")
								.get(teams.size())));
		}
		score(office, stories, 1, teams, contestQueries.contest(office, stories).criteria(), 2, 7);
		var teamOrder = ranked(office, stories);
		prizes += contests.givePrizes(office, stories,
				Map.of(teamOrder.get(0), ContestPrize.FIRST, teamOrder.get(1), ContestPrize.SECOND), "41-QĐ/ĐU",
				LocalDate.of(2025, 5, 19));

		// This year's contest of reporters, still in its first round.
		{
			var reporters = contests.create(office,
					new Contests.Draft("Hội thi báo cáo viên giỏi năm " + today.getYear(), COMMITTEE,
							max(today.minusDays(20), LocalDate.of(today.getYear(), 1, 1)), today.plusDays(30), null,
							List.of("Vòng sơ khảo", "Vòng chung khảo"), criteria, judges.subList(0, 2)));
			var speakers = new ArrayList<Long>();
			for (var branch : branches.subList(0, Math.min(6, branches.size()))) {
				members.currentPosts(office.committeeId(), branch.id())
					.stream()
					.filter((p) -> p.post() == Post.DEPUTY_SECRETARY || p.post() == Post.EXECUTIVE_MEMBER)
					.findFirst()
					.ifPresent((p) -> speakers.add(contests.enter(office, reporters, p.memberId(), null, null)));
			}
			// One judge has handed in the first round's sheet, the other not yet.
			score(office, reporters, 1, speakers, criteria, 1, 11);
		}
		return prizes;
	}

	/** Plausible scores: most of each criterion's points, varied by entry and judge. */
	private void score(CurrentUser office, long contest, int round, List<Long> entries,
			List<Contests.Criterion> criteria, int judges, int seed) {
		for (var judge = 1; judge <= judges; judge++) {
			var typed = new LinkedHashMap<String, String>();
			for (var e = 0; e < entries.size(); e++) {
				for (var c = 0; c < criteria.size(); c++) {
					var max = criteria.get(c).maxScore();
					var share = 70 + ((e * 7 + c * 3 + judge * 5 + seed) * 37) % 29;
					var value = max.multiply(BigDecimal.valueOf(share))
						.divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
					typed.put(entries.get(e) + "-" + (c + 1), value.toPlainString().replace('.', ','));
				}
			}
			rounds.score(office, contest, round, judge, typed);
		}
	}

	private List<Long> ranked(CurrentUser office, long contest) {
		return contestQueries.contest(office, contest).ranking().stream().map(Contests.EntryRow::id).toList();
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private void award(CurrentUser office, AwardKind kind, String title, String decisionNo, LocalDate decidedOn,
			@Nullable Long memberId, @Nullable Long organizationId, @Nullable Integer badgeYears) {
		var form = new AwardForm();
		form.setKind(kind);
		form.setTitle(title);
		form.setIssuer((kind == AwardKind.TITLE) ? COMMITTEE : KHOI);
		form.setDecisionNo(decisionNo);
		form.setDecidedOn(decidedOn);
		form.setMemberId(memberId);
		form.setOrganizationId(organizationId);
		form.setBadgeYears(badgeYears);
		awards.record(office, form);
	}

}
