package vn.chibo.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.chibo.library.DocumentKind;
import vn.chibo.library.LibraryForm;
import vn.chibo.library.LibraryService;
import vn.chibo.shared.print.PdfDocuments;
import vn.chibo.shared.security.CurrentUser;

/**
 * The demo library: the documents chibo's rules cite (docs/domain.md §2) as metadata,
 * each with a short summary written for the demo and a generated PDF that says it is a
 * demo copy, not the real text; and one internal plan of the committee.
 */
@Component
class DemoLibrary {

	private static final Map<DocumentKind, String> HEADINGS = Map.of(DocumentKind.DIRECTIVE, "CHỈ THỊ",
			DocumentKind.GUIDANCE, "HƯỚNG DẪN", DocumentKind.REGULATION, "QUY ĐỊNH", DocumentKind.PLAN, "KẾ HOẠCH");

	private record Entry(String number, DocumentKind kind, String issuer, LocalDate issuedOn, String title,
			@Nullable String replaces, @Nullable LocalDate until, boolean internal, List<String> paragraphs) {
	}

	private static final String BAN_BI_THU = "Ban Bí thư Trung ương Đảng";

	private static final String BAN_TO_CHUC = "Ban Tổ chức Trung ương";

	private static final String BO_CHINH_TRI = "Bộ Chính trị";

	private static final String TINH_UY = "Ban Thường vụ Tỉnh ủy Hà Tĩnh";

	private static final List<Entry> ENTRIES = List.of(new Entry("10-CT/TW", DocumentKind.DIRECTIVE, BAN_BI_THU,
			LocalDate.of(2007, 3, 30), "Về nâng cao chất lượng sinh hoạt chi bộ", null, LocalDate.of(2025, 7, 22),
			false,
			List.of("Chỉ thị yêu cầu các cấp ủy coi trọng việc nâng cao chất lượng sinh hoạt chi bộ, bảo đảm sinh hoạt định kỳ hằng tháng, nội dung thiết thực, gắn với nhiệm vụ chính trị của đơn vị.",
					"Bí thư chi bộ chuẩn bị chu đáo nội dung, phát huy dân chủ, tăng cường tự phê bình và phê bình trong sinh hoạt.")),
			new Entry("09-HD/BTCTW", DocumentKind.GUIDANCE, BAN_TO_CHUC, LocalDate.of(2012, 3, 2),
					"Về một số vấn đề cụ thể về nội dung sinh hoạt chi bộ", null, LocalDate.of(2018, 7, 5), false,
					List.of("Hướng dẫn nội dung sinh hoạt chi bộ thường kỳ và sinh hoạt chuyên đề, quy trình tiến hành buổi sinh hoạt.",
							"Mỗi quý ít nhất một lần sinh hoạt chuyên đề; biên bản ghi đầy đủ ý kiến phát biểu của đảng viên.")),
			new Entry("12-HD/BTCTW", DocumentKind.GUIDANCE, BAN_TO_CHUC, LocalDate.of(2018, 7, 6),
					"Về nội dung sinh hoạt chi bộ", "09-HD/BTCTW", LocalDate.of(2025, 10, 27), false,
					List.of("Hướng dẫn khung tiêu chí đánh giá chất lượng sinh hoạt chi bộ: chuẩn bị, tiến hành, nguyên tắc và kết quả.",
							"Chi bộ sinh hoạt thường kỳ mỗi tháng một lần, thời gian không quá 90 phút; sinh hoạt chuyên đề ít nhất mỗi quý một lần.")),
			new Entry("50-CT/TW", DocumentKind.DIRECTIVE, BAN_BI_THU, LocalDate.of(2025, 7, 23),
					"Về tiếp tục nâng cao chất lượng sinh hoạt chi bộ trong tình hình mới", "10-CT/TW", null, false,
					List.of("Chỉ thị tiếp tục đổi mới nội dung, phương thức sinh hoạt chi bộ, ứng dụng chuyển đổi số, sổ tay đảng viên điện tử.",
							"Cấp ủy cấp trên cử cấp ủy viên dự, theo dõi, giúp đỡ sinh hoạt chi bộ.")),
			new Entry("42-HD/BTCTW", DocumentKind.GUIDANCE, BAN_TO_CHUC, LocalDate.of(2025, 10, 28),
					"Về nâng cao chất lượng sinh hoạt chi bộ", "12-HD/BTCTW (2018)", null, false,
					List.of("Hướng dẫn chấm điểm chất lượng sinh hoạt chi bộ theo thang 100 điểm, với các mức tốt, khá, trung bình, kém.",
							"Nêu các bước chuẩn bị: chi ủy họp chuẩn bị, dự thảo nghị quyết, thông báo và gửi tài liệu cho đảng viên trước buổi sinh hoạt.")),
			new Entry("05-CT/TW", DocumentKind.DIRECTIVE, BO_CHINH_TRI, LocalDate.of(2016, 5, 15),
					"Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", null, null, false,
					List.of("Chỉ thị yêu cầu mỗi năm chọn một chuyên đề học tập và làm theo Bác, gắn với giải quyết những vấn đề bức xúc ở cơ quan, đơn vị.",
							"Mỗi đảng viên xây dựng bản cam kết tu dưỡng, rèn luyện và được chi bộ kiểm điểm cuối năm.")),
			new Entry("1193-QĐ/TU", DocumentKind.REGULATION, TINH_UY, LocalDate.of(2019, 12, 5),
					"Quy định đánh giá, xếp loại chất lượng sinh hoạt chi bộ", null, LocalDate.of(2023, 6, 1), false,
					List.of("Quy định của Tỉnh ủy về tiêu chí và cách chấm điểm chất lượng sinh hoạt chi bộ trên địa bàn tỉnh.")),
			new Entry("17-QĐ/TU", DocumentKind.REGULATION, TINH_UY, LocalDate.of(2023, 6, 2),
					"Quy định đánh giá, xếp loại chất lượng sinh hoạt chi bộ", "1193-QĐ/TU", null, false,
					List.of("Quy định thay thế quy định năm 2019, bổ sung tiêu chí về tỷ lệ đảng viên dự sinh hoạt và phát biểu ý kiến.")),
			new Entry("12-HD/BTCTW", DocumentKind.GUIDANCE, BAN_TO_CHUC, LocalDate.of(2022, 1, 18),
					"Về nghiệp vụ công tác đảng viên", null, null, false,
					List.of("Hướng dẫn thủ tục kết nạp, công nhận đảng viên chính thức, chuyển sinh hoạt đảng và quản lý hồ sơ đảng viên.",
							"Cùng số hiệu với hướng dẫn năm 2018 về sinh hoạt chi bộ nhưng là văn bản khác.")),
			new Entry("124-QĐ/TW", DocumentKind.REGULATION, BO_CHINH_TRI, LocalDate.of(2023, 10, 4),
					"Về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
					null, LocalDate.of(2025, 8, 29), false,
					List.of("Quy định kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên hằng năm theo bốn mức.")),
			new Entry("366-QĐ/TW", DocumentKind.REGULATION, BO_CHINH_TRI, LocalDate.of(2025, 8, 30),
					"Về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
					"124-QĐ/TW", null, false,
					List.of("Quy định chấm điểm theo thang 100 điểm, tỷ lệ mức hoàn thành xuất sắc nhiệm vụ không quá 20% số được xếp loại hoàn thành tốt.")),
			new Entry("15-KH/ĐU", DocumentKind.PLAN, "Đảng ủy Cục Hải quan tỉnh Hà Tĩnh", LocalDate.of(2026, 1, 12),
					"Kế hoạch kiểm tra, giám sát năm 2026", null, LocalDate.of(2026, 12, 31), true,
					List.of("Đảng ủy kiểm tra việc chấp hành nghị quyết tại bốn chi bộ và giám sát chuyên đề việc thực hiện quy chế làm việc của hai chi ủy.",
							"Ủy ban Kiểm tra Đảng ủy giúp Đảng ủy xây dựng chương trình chi tiết, báo cáo kết quả hằng quý.")));

	/** What the generated PDF shows; read by print/library-document. */
	record Print(String superior, String issuer, String number, String party, String placeDate, String title,
			String subtitle, List<String> paragraphs, String note) {
	}

	private final LibraryService library;

	private final PdfDocuments pdf;

	DemoLibrary(LibraryService library, PdfDocuments pdf) {
		this.library = library;
		this.pdf = pdf;
	}

	void load(CurrentUser system) {
		for (var entry : ENTRIES) {
			var form = new LibraryForm();
			form.setNumber(entry.number());
			form.setKind(entry.kind());
			form.setIssuer(entry.issuer());
			form.setIssuedOn(entry.issuedOn());
			form.setTitle(entry.title());
			form.setReplacesNumber(entry.replaces());
			form.setInForceUntil(entry.until());
			form.setInternal(entry.internal());
			form.setSummary(entry.paragraphs().getFirst());
			var provincial = entry.issuer().contains("Hà Tĩnh");
			var content = pdf.render("print/library-document", new Print(
					provincial ? "ĐẢNG BỘ TỈNH HÀ TĨNH" : "BAN CHẤP HÀNH TRUNG ƯƠNG",
					entry.issuer().toUpperCase(Locale.ROOT), "Số " + entry.number(), "ĐẢNG CỘNG SẢN VIỆT NAM",
					(provincial ? "Hà Tĩnh" : "Hà Nội") + ", ngày " + entry.issuedOn().getDayOfMonth() + " tháng "
							+ entry.issuedOn().getMonthValue() + " năm " + entry.issuedOn().getYear(),
					HEADINGS.get(entry.kind()), entry.title(), entry.paragraphs(),
					"Bản dựng cho dữ liệu mẫu của chibo: tóm tắt tự soạn, không phải toàn văn."));
			var name = entry.number().replaceAll("[^A-Za-z0-9-]", "-");
			var id = library.create(system, form, library.prepare(system, name + ".pdf", content));
			if (entry.internal()) {
				// The committee's own plan is also kept as the Word file its office
				// typed.
				library.attach(system, id, library.prepare(system, name + ".docx", word(entry)));
			}
		}
	}

	private static byte[] word(Entry entry) {
		try (var word = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			var heading = word.createParagraph();
			heading.setStyle("Heading1");
			heading.createRun().setText(HEADINGS.get(entry.kind()));
			var title = word.createParagraph().createRun();
			title.setBold(true);
			title.setText(entry.title());
			for (var paragraph : entry.paragraphs()) {
				word.createParagraph().createRun().setText(paragraph);
			}
			word.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
