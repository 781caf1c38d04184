package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.report.ReportTextForm;
import vn.chibo.report.ReportTexts;
import vn.chibo.report.TermForm;
import vn.chibo.report.Terms;
import vn.chibo.shared.security.CurrentUser;

/**
 * The demo's reports (docs/domain.md §12, §14): the committee's three terms (congress of
 * 2020-06-20), the 2015–2020 term report's assessment and four solution lines as the seed
 * article gives them, the 2020–2025 term's text and the last two years' year-report texts
 * (invented in the same voice); this year's text is left for the office to write, with
 * last year's at hand.
 */
@Component
class DemoReports {

	private final Terms terms;

	private final ReportTexts texts;

	private final Clock clock;

	DemoReports(Terms terms, ReportTexts texts, Clock clock) {
		this.terms = terms;
		this.texts = texts;
		this.clock = clock;
	}

	/** Answers how many texts were written. */
	int load(CurrentUser office) {
		term(office, 2015, LocalDate.of(2015, 6, 12));
		term(office, 2020, LocalDate.of(2020, 6, 20));
		term(office, 2025, LocalDate.of(2025, 6, 18));
		// The seed's own assessment of 2015–2020 and its four solution lines.
		var written = 0;
		written += write(office, ReportTexts.Kind.TERM, "2015-2020", List.of(
				"Các cấp ủy chi bộ thực hiện tốt việc chuẩn bị nội dung sinh hoạt; đảng viên tham gia ý kiến xây dựng chương trình, kế hoạch công tác và giám sát hoạt động của chi bộ; đảng viên gương mẫu, giữ gìn đoàn kết nội bộ, thực hiện tốt nguyên tắc tập trung dân chủ, tự phê bình và phê bình trong sinh hoạt đảng.",
				"Đảng ủy mời báo cáo viên của Đảng ủy Khối quán triệt các nghị quyết, chuyên đề học tập và làm theo Bác; tổ chức thảo luận nghiêm túc, viết bài thu hoạch; tham gia các cuộc thi Bí thư chi bộ giỏi, báo cáo viên giỏi, kể chuyện về học tập và làm theo Bác."),
				List.of("Một số cấp ủy chưa thực sự chủ động, sáng tạo, tích cực trong đổi mới, nâng cao chất lượng sinh hoạt chi bộ.",
						"Ở một số chi bộ, nội dung sinh hoạt đôi khi còn lẫn lộn giữa sinh hoạt chi bộ và sinh hoạt chuyên môn; hình thức sinh hoạt chưa hấp dẫn, chưa phát huy hết trí tuệ tập thể của chi bộ.",
						"Tinh thần tự phê bình và phê bình trong sinh hoạt đảng còn hạn chế, ngại va chạm, né tránh; việc nhân rộng các tập thể, cá nhân điển hình tiên tiến, các nhân tố mới chưa nhiều."),
				List.of("Đặc thù công tác ở cửa khẩu, cảng biển, đảng viên làm việc theo ca, địa bàn phân tán nên có lúc khó bố trí sinh hoạt đầy đủ, đúng thời gian."),
				List.of("Một là, thường xuyên đổi mới, nâng cao chất lượng công tác tuyên truyền, giáo dục chính trị, tư tưởng; tổ chức học tập, quán triệt nghiêm túc các chỉ thị, nghị quyết của Đảng; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
						"Hai là, duy trì nghiêm chế độ, nền nếp sinh hoạt chi bộ theo Hướng dẫn số 12-HD/BTCTW; cử cấp ủy viên dự sinh hoạt với các chi bộ, đặc biệt là các chi bộ đông đảng viên, khối lượng nhiệm vụ chuyên môn lớn.",
						"Ba là, hằng năm cử cấp ủy viên, bí thư chi bộ, chi ủy viên tham gia các lớp tập huấn nghiệp vụ công tác đảng.",
						"Bốn là, xây dựng đội ngũ cán bộ kiểm tra, giám sát có năng lực, bản lĩnh, uy tín; hằng năm xây dựng và thực hiện nghiêm kế hoạch kiểm tra, giám sát định kỳ tại các chi bộ trực thuộc."));
		// Invented in the same voice from here on.
		written += write(office, ReportTexts.Kind.TERM, "2020-2025", List.of(
				"Các chi bộ duy trì nền nếp sinh hoạt thường kỳ hằng tháng và sinh hoạt chuyên đề mỗi quý; chất lượng sinh hoạt được đánh giá hằng tháng theo tiêu chí, phần lớn các tháng đạt mức Tốt và Khá.",
				"Đảng ủy thực hiện đúng chương trình kiểm tra, giám sát hằng năm; việc đánh giá, xếp loại đảng viên và tổ chức đảng bảo đảm đúng tỷ lệ và thực chất."),
				List.of("Một số chi bộ ở cửa khẩu, cảng biển có tháng chưa tổ chức sinh hoạt đúng kỳ; tỷ lệ đảng viên dự sinh hoạt ở các chi bộ đông đảng viên có lúc chưa cao.",
						"Việc nhân rộng điển hình tiên tiến còn ít; chất lượng bài thu hoạch ở một số chi bộ chưa đều."),
				List.of("Đảng viên làm việc theo ca, địa bàn phân tán; một số bí thư chi bộ kiêm nhiệm nhiều việc chuyên môn."),
				List.of("Tiếp tục nâng cao chất lượng sinh hoạt chi bộ theo Hướng dẫn 42-HD/BTCTW; đảng ủy viên dự sinh hoạt với các chi bộ đông đảng viên.",
						"Hằng năm bồi dưỡng nghiệp vụ công tác đảng cho bí thư, chi ủy viên; quan tâm đào tạo lý luận chính trị cho cán bộ trong quy hoạch.",
						"Thực hiện nghiêm chương trình kiểm tra, giám sát; đánh giá, xếp loại chất lượng theo Quy định 366-QĐ/TW."));
		var year = LocalDate.now(clock).getYear();
		for (var y = year - 2; y < year; y++) {
			written += write(office, ReportTexts.Kind.YEAR, String.valueOf(y), List.of(
					"Các chi bộ tổ chức sinh hoạt thường kỳ và chuyên đề theo kế hoạch; nội dung sinh hoạt gắn với nhiệm vụ chính trị của đơn vị.",
					"Tổ chức học tập, quán triệt các nghị quyết, chỉ thị của Đảng đầy đủ; đảng viên nộp bài thu hoạch đúng hạn."),
					List.of("Một số chi bộ còn có tháng sinh hoạt muộn so với kế hoạch; tỷ lệ dự sinh hoạt ở chi bộ cửa khẩu chưa cao."),
					List.of("Nhiệm vụ chuyên môn tăng, đảng viên làm việc theo ca."),
					List.of("Duy trì nền nếp sinh hoạt chi bộ; đảng ủy viên dự sinh hoạt với các chi bộ có chất lượng sinh hoạt Trung bình.",
							"Thực hiện chương trình kiểm tra, giám sát năm " + (y + 1)
									+ "; đánh giá, xếp loại chất lượng cuối năm đúng quy định."));
		}
		return written;
	}

	private void term(CurrentUser office, int first, LocalDate congress) {
		var form = new TermForm();
		form.setFirstYear(first);
		form.setLastYear(first + 5);
		form.setCongressOn(congress);
		terms.add(office, form);
	}

	private int write(CurrentUser office, ReportTexts.Kind kind, String period, List<String> strengths,
			List<String> shortcomings, List<String> causes, List<String> tasks) {
		var form = new ReportTextForm();
		form.setStrengths(String.join("\n", strengths));
		form.setShortcomings(String.join("\n", shortcomings));
		form.setCauses(String.join("\n", causes));
		form.setTasks(String.join("\n", tasks));
		texts.save(office, kind, period, form);
		return 1;
	}

}
