package vn.chibo.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

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
	DemoUsers demo;

	@Test
	void theSheetShowsTheParticularsInThePartysLayout() throws Exception {
		var member = demo.user("dangvien.cb03");
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
			assertThat(text).contains("ĐẢNG BỘ CỤC HẢI QUAN TỈNH", "PHIẾU ĐẢNG VIÊN", "T/M CHI BỘ", "BÍ THƯ",
					"Nơi nhận:");
			assertThat(flat).contains(details.fullName(),
					"Ngày vào Đảng " + details.admissionDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
					"Chi bộ " + details.branchName());
			assertThat(text.indexOf("ĐẢNG BỘ CỤC HẢI QUAN")).isLessThan(text.indexOf("PHIẾU ĐẢNG VIÊN"));
		}
		// The branch's secretary reads it; a member of another branch does not.
		assertThat(mvc.get().uri("/members/{id}/profile.pdf", member.memberId()).with(user(demo.user("bithu.cb03"))))
			.hasStatusOk();
		assertThat(mvc.get().uri("/members/{id}/profile.pdf", member.memberId()).with(user(demo.user("dangvien.cb05"))))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
