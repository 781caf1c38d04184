package vn.chibo.member.print;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;

import vn.chibo.member.MemberQueries;

/**
 * A member's sheet in the Party's layout (docs/domain.md §17: the phiếu đảng viên, Mẫu
 * 2-HSĐV, names the committee and the branch above the member's particulars): the
 * committee above the branch, "PHIẾU ĐẢNG VIÊN", the particulars chibo keeps as a table,
 * signed for the branch by its secretary, kept in the member's dossier. Read by whoever
 * reads the member's record: the member, the branch, the committee.
 */
@Service
@Transactional(readOnly = true)
public class ProfileSheet {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final ReportDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	ProfileSheet(MemberQueries members, OrganizationQueries organizations, ReportDocuments documents,
			MessageSource messages, Clock clock) {
		this.members = members;
		this.organizations = organizations;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	public byte[] pdf(CurrentUser user, long memberId) {
		return documents.pdf(of(user, memberId));
	}

	ReportDocument of(CurrentUser user, long memberId) {
		var member = members.details(user, memberId);
		var branch = organizations.find(user.committeeId(), member.branchId()).orElseThrow();
		var rows = new ArrayList<List<String>>();
		rows.add(List.of(text("profile.item"), text("profile.value")));
		row(rows, "member.fullName", member.fullName());
		row(rows, "member.gender", text("member.gender." + member.gender()));
		row(rows, "member.dateOfBirth", date(member.dateOfBirth()));
		row(rows, "member.birthPlace", member.birthPlace());
		row(rows, "member.hometown", member.hometown());
		row(rows, "member.ethnicity", member.ethnicity());
		row(rows, "member.religion", member.religion());
		row(rows, "member.citizenId", member.citizenId());
		row(rows, "member.jobTitle", member.jobTitle());
		row(rows, "member.generalEducation", member.generalEducation());
		row(rows, "member.qualification", member.qualification());
		row(rows, "member.theoryLevel", text("member.theory." + member.theoryLevel()));
		row(rows, "member.admissionDate", date(member.admissionDate()));
		row(rows, "member.officialDate", date(member.officialDate()));
		row(rows, "member.status", text("member.status." + member.status()));
		row(rows, "member.cardNo", member.cardNo());
		row(rows, "member.dossierNo", member.dossierNo());
		row(rows, "member.branch", member.branchName());
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(organizations.superiorName(user.committeeId(), branch).toUpperCase(VI),
				branch.name().toUpperCase(VI),
				text("profile.number", (member.dossierNo() != null) ? member.dossierNo() : ""), text("print.party"),
				text("print.placeDate", ReportDocuments.placeDate(place, LocalDate.now(clock))), text("profile.title"),
				member.fullName().toUpperCase(VI), List.of(new ReportDocument.Section("", List.of(), rows)),
				// A branch signs "T/M CHI BỘ" with its secretary (docs/domain.md §16
				// signing).
				text("study.report.signFor.branch"), text("report.signTitle"),
				members.secretaryName(user.committeeId(), member.branchId()))
			.to(List.of(text("profile.recipient")));
	}

	private void row(List<List<String>> rows, String label, @Nullable String value) {
		rows.add(List.of(text(label), (value != null && !value.isBlank()) ? value : "—"));
	}

	private static @Nullable String date(@Nullable LocalDate date) {
		return (date != null) ? date.format(DATE) : null;
	}

	private String text(String key, @Nullable Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
