package vn.chibo;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every kind of document chibo prints, read back from its PDF by the position of its text
 * (docs/domain.md §16): the superior above the issuing body on the left, level with the
 * Party's name on the right; the place-date line under it with the date on one line (day
 * and months 1–2 zero-padded); the signature on the right of the same page as the end of
 * the text; "Nơi nhận" on its left, each recipient's last word whole; no date broken
 * anywhere; the DOCX on A4 with the Party's margins.
 */
@ChiboTest
class PartyLayoutTests {

	private static final Pattern DATE = Pattern.compile("ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}");

	private static final Pattern CUT = Pattern.compile("^/\\S|\\S/$");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A printed document: where it is, who asks, the body issuing it, how it is signed.
	 */
	private record Printed(String url, String login, String superior, String issuer, String signFor,
			List<String> recipients) {
	}

	private long first(String sql) {
		return jdbc.sql(sql).query(Long.class).list().getFirst();
	}

	private List<Printed> documents() {
		var minutes = first(
				"select meeting_id from meeting_minutes where chair_signed_at is not null order by meeting_id");
		var inspection = first("""
				select i.id from inspection i where i.concluded_on is not null and i.body = 'INSPECTION_COMMITTEE'
				and exists (select 1 from inspection_remedy r where r.inspection_id = i.id) order by i.id""");
		var study = first("select id from study_session order by id");
		var term = first("select id from party_term order by first_year");
		var member = first("select id from member where branch_id = " + demo.branchId("CB01") + " order by id");
		var branch = "CHI BỘ HẢI QUAN CKQT CẦU";
		var committee = "ĐẢNG BỘ CỤC HẢI QUAN TỈNH";
		var province = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN";
		var toProvince = List.of("(b/c);", "- Lưu Văn phòng Đảng ủy.");
		var ubkt = List.of("(b/c);", "- Lưu Ủy ban Kiểm tra.");
		return List.of(
				new Printed("/meetings/" + minutes + "/minutes.pdf", "vanphong", committee, branch, "CHỦ TRÌ",
						List.of()),
				new Printed("/meetings/" + minutes + "/notice.pdf", "vanphong", committee, branch, "T/M CHI BỘ",
						List.of("- Như thành phần;", "- Lưu Chi bộ.")),
				new Printed("/members/" + member + "/profile.pdf", "vanphong", committee, branch, "T/M CHI BỘ",
						List.of("- Lưu hồ sơ đảng viên.")),
				new Printed("/inspection/" + inspection + "/decision.pdf", "ubkt", committee, "ỦY BAN KIỂM TRA",
						"T/M ỦY BAN KIỂM TRA", List.of("- Như Điều 3;", "(b/c);", "- Lưu Ủy ban Kiểm tra.")),
				new Printed("/inspection/" + inspection + "/plan.pdf", "ubkt", committee, "ỦY BAN KIỂM TRA",
						"T/M ỦY BAN KIỂM TRA", List.of("- Đoàn kiểm tra;", "(b/c);", "- Lưu Ủy ban Kiểm tra.")),
				new Printed("/inspection/" + inspection + "/conclusion.pdf", "ubkt", committee, "ỦY BAN KIỂM TRA",
						"T/M ỦY BAN KIỂM TRA", ubkt),
				new Printed("/inspection/report/2025.pdf", "ubkt", committee, "ỦY BAN KIỂM TRA", "T/M ỦY BAN KIỂM TRA",
						List.of("(b/c);", "- Lưu Văn phòng Đảng ủy.")),
				new Printed("/study/" + study + "/report.pdf", "vanphong", province, committee, "T/M ĐẢNG ỦY",
						toProvince),
				new Printed("/reports/term/" + term + ".pdf", "vanphong", province, committee, "T/M ĐẢNG ỦY",
						toProvince),
				new Printed("/reports/year/2025.pdf", "vanphong", province, committee, "T/M ĐẢNG ỦY", toProvince),
				new Printed("/evaluation/report.pdf?year=2025", "vanphong", province, committee, "T/M ĐẢNG ỦY",
						toProvince));
	}

	@Test
	void everyPrintedDocumentKeepsTheLayoutOfTheParty() throws Exception {
		for (var document : documents()) {
			var response = mvc.get().uri(document.url()).with(user(demo.user(document.login()))).exchange();
			assertThat(response).as(document.url()).hasStatusOk();
			var pdf = response.getResponse().getContentAsByteArray();
			// Kept beside the screenshots, to be looked at.
			Files.createDirectories(Path.of("target/screenshots"));
			Files.write(Path.of("target/screenshots/print" + document.url().replaceAll("[^a-z0-9.]+", "-")), pdf);
			var pages = PrintedPages.read(pdf);
			var middle = pages.width() / 2;
			var what = document.url() + " " + pages.runs();
			// The letterhead: the Party's name on the right, level with the superior on
			// the
			// left; the issuing body under the superior.
			var party = pages.find("ĐẢNG CỘNG SẢN VIỆT NAM");
			var superior = pages.find(document.superior());
			var issuer = pages.find(document.issuer());
			assertThat(List.of(party.page(), superior.page(), issuer.page())).as(what).containsOnly(1);
			assertThat(party.center()).as(what).isGreaterThan(middle);
			assertThat(superior.center()).as(what).isLessThan(middle);
			assertThat(issuer.center()).as(what).isLessThan(middle);
			assertThat(Math.abs(superior.y() - party.y())).as(what).isLessThan(4);
			assertThat(issuer.y()).as(what).isGreaterThan(superior.y());
			// The date of the place-date line on one line, under the Party's name.
			var date = pages.page(1)
				.stream()
				.filter((r) -> DATE.matcher(r.text()).find())
				.findFirst()
				.orElseThrow(() -> new AssertionError("no whole date in " + what));
			assertThat(date.center()).as(what).isGreaterThan(middle);
			assertThat(date.y()).as(what).isGreaterThan(party.y());
			// No word with a slash cut in two ("05/06 /2020", "12-HD /BTCTW").
			assertThat(pages.runs()).as(what).noneMatch((r) -> CUT.matcher(r.text()).find());
			// The signature on the right, with the end of the text just above it on its
			// page.
			var sign = pages.runs()
				.stream()
				.filter((r) -> r.text().equals(document.signFor()))
				.reduce((a, b) -> b)
				.orElseThrow(() -> new AssertionError("no signature in " + what));
			assertThat(sign.center()).as(what).isGreaterThan(middle);
			assertThat(pages.page(sign.page())).as("the end of the text on the signature's page: " + what)
				.anyMatch((r) -> r.y() < sign.y() - 4 && r.y() > sign.y() - 150 && r.endX() - r.x() > 40);
			// "Nơi nhận" on its left, level with it, each recipient whole.
			if (document.recipients().isEmpty()) {
				assertThat(pages.runs()).as(what).noneMatch((r) -> r.text().equals("Nơi nhận:"));
				continue;
			}
			var recipients = pages.find("Nơi nhận:");
			assertThat(recipients.page()).as(what).isEqualTo(sign.page());
			assertThat(recipients.center()).as(what).isLessThan(middle);
			assertThat(Math.abs(recipients.y() - sign.y())).as(what).isLessThan(4);
			for (var recipient : document.recipients()) {
				assertThat(pages.page(sign.page())).as(recipient + " in " + what)
					.anyMatch((r) -> r.y() > recipients.y() && r.center() < middle && r.text().contains(recipient));
			}
		}
	}

	@Test
	void everyWordDocumentIsOnA4WithThePartysMargins() throws Exception {
		for (var document : documents()) {
			if (document.url().contains("profile") || document.url().contains("/study/")) {
				continue;
			}
			var url = document.url().replace(".pdf", ".docx");
			var response = mvc.get().uri(url).with(user(demo.user(document.login()))).exchange();
			assertThat(response).as(url).hasStatusOk();
			try (var word = new XWPFDocument(new ByteArrayInputStream(response.getResponse().getContentAsByteArray()));
					var text = new XWPFWordExtractor(word)) {
				var section = word.getDocument().getBody().getSectPr();
				assertThat(section.getPgSz().getW()).as(url).hasToString("11906");
				assertThat(section.getPgSz().getH()).as(url).hasToString("16838");
				// 20 mm top and bottom, 30 mm left, 15 mm right, in twentieths of a
				// point.
				assertThat(List.of(section.getPgMar().getTop(), section.getPgMar().getBottom(),
						section.getPgMar().getLeft(), section.getPgMar().getRight()))
					.as(url)
					.map(Object::toString)
					.containsExactly("1134", "1134", "1701", "850");
				assertThat(text.getText()).as(url).contains(document.signFor());
				if (!document.recipients().isEmpty()) {
					assertThat(text.getText()).as(url).contains("Nơi nhận:");
				}
			}
		}
	}

}
