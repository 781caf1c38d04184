package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.recognition.AwardForm;
import vn.chibo.recognition.AwardKind;
import vn.chibo.recognition.Awards;
import vn.chibo.shared.security.CurrentUser;

/**
 * The demo's commendations (DOMAIN.md §11, §14, seed): the collective and the member
 * praised by the bloc committee at the three-year review of Chỉ thị 05-CT/TW, the first
 * prize of the 2017 contest, a branch named "trong sạch, vững mạnh tiêu biểu" each year
 * since 2021, and the 30-year Party badges of two members already presented.
 */
@Component
class DemoRecognition {

	private static final String KHOI = "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh";

	private final Awards awards;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoRecognition(Awards awards, MemberQueries members, OrganizationQueries organizations,
			TransactionTemplate transaction, Clock clock) {
		this.awards = awards;
		this.members = members;
		this.organizations = organizations;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Answers how many awards were recorded. */
	int load(CurrentUser office) {
		return transaction.execute((status) -> {
			var today = LocalDate.now(clock);
			var branches = organizations.branches(office);
			var official = members
				.search(office, new MemberFilter(null, null, MemberStatus.OFFICIAL, null, null, null), 0, 400)
				.items();
			var count = 0;
			award(office, AwardKind.PRAISE, "Tập thể có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW",
					"245-QĐ/ĐUK", LocalDate.of(2019, 5, 15), null, branches.get(4).id(), null);
			award(office, AwardKind.PRAISE, "Cá nhân có thành tích xuất sắc trong 3 năm thực hiện Chỉ thị 05-CT/TW",
					"245-QĐ/ĐUK", LocalDate.of(2019, 5, 15), official.get(7).id(), null, null);
			award(office, AwardKind.PRIZE,
					"Giải Nhất Hội thi tìm hiểu tư tưởng Hồ Chí Minh nhân 60 năm Bác về thăm Hà Tĩnh", "112-QĐ/ĐUK",
					LocalDate.of(2017, 6, 15), official.get(21).id(), null, null);
			count += 3;
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

	private void award(CurrentUser office, AwardKind kind, String title, String decisionNo, LocalDate decidedOn,
			@Nullable Long memberId, @Nullable Long organizationId, @Nullable Integer badgeYears) {
		var form = new AwardForm();
		form.setKind(kind);
		form.setTitle(title);
		form.setIssuer((kind == AwardKind.TITLE) ? "Ban Chấp hành Đảng bộ Cục Hải quan tỉnh Hà Tĩnh" : KHOI);
		form.setDecisionNo(decisionNo);
		form.setDecidedOn(decidedOn);
		form.setMemberId(memberId);
		form.setOrganizationId(organizationId);
		form.setBadgeYears(badgeYears);
		awards.record(office, form);
	}

}
