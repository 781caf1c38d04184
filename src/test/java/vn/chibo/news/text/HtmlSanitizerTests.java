package vn.chibo.news.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile inputs : what is stored never executes. */
class HtmlSanitizerTests {

	@Test
	void hostileMarkupIsRemovedAndTheTextKept() {
		var cases = new String[][] { { "<p>Xin chào<script>alert(1)</script></p>", "<p>Xin chào</p>" },
				{ "<img src=\"/tin-tuc/anh/1.jpg\" onerror=\"alert(1)\" alt=\"Ảnh\">",
						"<img src=\"/tin-tuc/anh/1.jpg\" alt=\"Ảnh\">" },
				{ "<a href=\"javascript:alert(1)\">bấm</a>", "<a rel=\"nofollow noopener\">bấm</a>" },
				{ "<a href=\"JaVaScRiPt:alert(1)\">bấm</a>", "<a rel=\"nofollow noopener\">bấm</a>" },
				{ "<svg onload=\"alert(1)\"><script>alert(1)</script></svg><p>ok</p>", "<p>ok</p>" },
				{ "<p style=\"background:url(javascript:alert(1));width:expression(alert(1))\">t</p>", "<p>t</p>" },
				{ "<iframe src=\"https://example.com\"></iframe><p>x</p>", "<p>x</p>" },
				{ "<img src=\"https://example.com/track.gif\"><p>x</p>", "<p>x</p>" },
				{ "<p onclick=\"alert(1)\">y</p>", "<p>y</p>" },
				{ "<object data=\"x.swf\"></object><embed src=\"x\"><p>z</p>", "<p>z</p>" },
				{ "<a href=\"https://hatinh.gov.vn\">Cổng</a>",
						"<a href=\"https://hatinh.gov.vn\" rel=\"nofollow noopener\">Cổng</a>" },
				{ "<table><tr><td colspan=\"2\">ô</td></tr></table>",
						"<table><tbody><tr><td colspan=\"2\">ô</td></tr></tbody></table>" } };
		for (var c : cases) {
			assertThat(HtmlSanitizer.clean(c[0])).as(c[0]).isEqualTo(c[1]);
		}
	}

	@Test
	void linesTypedAsDivisionsStayParagraphs() {
		assertThat(HtmlSanitizer.clean("Đảng bộ có 8 chi bộ trực thuộc.<div>Năm 2026 kết nạp 5 đảng viên.</div>"))
			.isEqualTo("Đảng bộ có 8 chi bộ trực thuộc.<p>Năm 2026 kết nạp 5 đảng viên.</p>");
		assertThat(HtmlSanitizer.clean("<div><div>Một</div><div>Hai</div></div>")).isEqualTo("<p>Một</p><p>Hai</p>");
		assertThat(HtmlSanitizer.clean("<div><b>Đậm</b><br></div>")).isEqualTo("<p><b>Đậm</b><br></p>");
	}

	@Test
	void pastedWordTextKeepsParagraphsEmphasisListsAndTables() {
		var word = """
				<p class="MsoNormal" style="margin:0"><b><span style="font-size:14pt">Tiêu đề</span></b></p>
				<p class="MsoNormal"><i>Nghiêng</i> và <u>gạch</u></p>
				<ul><li class="MsoListParagraph">Một</li><li>Hai</li></ul>
				<table class="MsoTableGrid" border="1"><tr><td>A</td><td>B</td></tr></table>
				<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->
				""";
		var clean = HtmlSanitizer.clean(word);
		assertThat(clean).contains("<p><b>Tiêu đề</b></p>")
			.doesNotContain("span")
			.doesNotContain("class=")
			.contains("<i>Nghiêng</i>", "<u>gạch</u>", "<li>Một</li>", "<td>A</td>")
			.doesNotContain("mso")
			.doesNotContain("<!--");
	}

}
