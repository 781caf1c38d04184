package vn.chibo.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.organization.OrganizationQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The member's sheet in the Party's layout, read back from the PDF: the committee above
 * the branch, "PHIẾU ĐẢNG VIÊN", the particulars as kept, signed "T/M CHI BỘ"; read by
 * the member and the branch, by no other member.
 */
@ChiboTest
class ProfileSheetTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MemberQueries members;

	@Autowired
	OrganizationQueries organizations;

	@Autowired
	Fixtures fixtures;

	@Test
	void theSheetShowsTheParticularsInThePartysLayout() throws Exception {
		var people = fixtures.people();
		var member = people.member();
		var committee = organizations.grassroots(people.committee().id())
			.name()
			.toUpperCase(Locale.forLanguageTag("vi"));
		var details = members.details(member, member.memberId());
		var result = mvc.get().uri("/members/{id}/profile.pdf", member.memberId()).with(user(member)).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/member-sheet.pdf"), result.getResponse().getContentAsByteArray());
		try (var pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			var stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			var text = stripper.getText(pdf);
			var flat = text.replaceAll("\\s+", " ");
			assertThat(text).contains("PHIẾU ĐẢNG VIÊN", "T/M CHI BỘ", "BÍ THƯ", "Nơi nhận:");
			assertThat(flat).contains(committee);
			assertThat(flat).contains(details.fullName(),
					"Ngày vào Đảng " + details.admissionDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
					"Chi bộ " + details.branchName());
			assertThat(flat.indexOf(committee)).isLessThan(flat.indexOf("PHIẾU ĐẢNG VIÊN"));
		}
		// The branch's secretary reads it; a member of another branch does not.
		assertThat(mvc.get().uri("/members/{id}/profile.pdf", member.memberId()).with(user(people.secretary())))
			.hasStatusOk();
		assertThat(mvc.get().uri("/members/{id}/profile.pdf", member.memberId()).with(user(people.otherMember())))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
