package vn.chibo.demo;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.news.NewsImport;
import vn.chibo.shared.security.CurrentUser;

/**
 * A dozen believable articles of the demo committee across the news categories
 * (docs/domain.md §14; the seed article's topic, date and author among them). Fictional
 * people, written for the demo.
 */
@Component
class DemoNews {

	private record Article(int category, String title, String summary, List<String> body, String author, String branch,
			LocalDateTime at) {
	}

	private static final List<String> CATEGORIES = List.of("Tin tức – sự kiện", "Xây dựng Đảng",
			"Học tập và làm theo Bác", "Gương điển hình");

	private static final List<Article> ARTICLES = List.of(new Article(1,
			"Đảng bộ Cục Hải quan tỉnh Hà Tĩnh: Chú trọng nâng cao chất lượng sinh hoạt đảng",
			"Nhiệm kỳ 2015–2020, Đảng bộ chú trọng lãnh đạo nâng cao chất lượng sinh hoạt chi bộ, góp phần nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng.",
			List.of("Tám chi bộ trực thuộc Đảng bộ mỗi đơn vị một đặc thù: các chi bộ cửa khẩu giữ vị trí trọng yếu trong thu ngân sách, các chi bộ đội kiểm soát đấu tranh phòng, chống vi phạm và ma túy, các chi bộ nghiệp vụ, văn phòng làm công tác tham mưu.",
					"Đảng ủy quán triệt Chỉ thị 10-CT/TW, Hướng dẫn 09-HD/BTCTW và Hướng dẫn 12-HD/BTCTW; các chi bộ xây dựng kế hoạch sinh hoạt phù hợp với đặc điểm đơn vị, nội dung sinh hoạt được chuẩn bị kỹ, đảng viên tham gia ý kiến thẳng thắn.",
					"Nhờ đó, chất lượng sinh hoạt chi bộ ngày càng được nâng lên, nhiều buổi sinh hoạt chuyên đề thiết thực, gắn với nhiệm vụ chính trị của từng đơn vị."),
			"Mỹ Hạnh", "Chi bộ Nghiệp vụ", LocalDateTime.of(2020, 5, 28, 10, 56)),
			new Article(0, "Hội nghị sơ kết công tác đảng 6 tháng đầu năm",
					"Đảng ủy tổ chức hội nghị sơ kết, đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị và triển khai nhiệm vụ 6 tháng cuối năm.",
					List.of("Hội nghị đánh giá các chi bộ đã duy trì nền nếp sinh hoạt định kỳ, hoàn thành các chỉ tiêu thu ngân sách được giao.",
							"Đảng ủy đề nghị các chi bộ tiếp tục nâng cao chất lượng sinh hoạt chuyên đề, chú trọng công tác kiểm tra, giám sát."),
					"Văn phòng Đảng ủy", null, LocalDateTime.of(2021, 7, 15, 9, 30)),
			new Article(3, "Chi bộ Đội KSPC Ma túy: vững vàng trên tuyến đầu",
					"Những đảng viên trẻ của Chi bộ Đội Kiểm soát phòng, chống ma túy luôn gương mẫu, sẵn sàng nhận nhiệm vụ khó khăn.",
					List.of("Năm qua, chi bộ lãnh đạo đơn vị phối hợp với các lực lượng chức năng phát hiện, bắt giữ nhiều vụ vận chuyển trái phép chất ma túy qua biên giới.",
							"Mỗi đảng viên đăng ký một việc làm cụ thể theo tinh thần học tập và làm theo Bác, được chi bộ đánh giá hằng tháng."),
					"Minh Quân", "Chi bộ Đội KSPC Ma túy", LocalDateTime.of(2021, 11, 20, 14, 15)),
			new Article(2, "Học tập và làm theo Bác: bắt đầu từ những việc nhỏ",
					"Chi bộ Văn phòng triển khai mô hình “mỗi tháng một việc tốt” gắn với chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
					List.of("Từ việc tiết kiệm điện, nước, văn phòng phẩm đến việc giải quyết hồ sơ đúng hẹn, mỗi đảng viên tự đăng ký và báo cáo kết quả tại buổi sinh hoạt chi bộ.",
							"Sau một năm, mô hình lan tỏa sang các chi bộ khác của Đảng bộ."),
					"Thu Trang", "Chi bộ Văn phòng", LocalDateTime.of(2022, 5, 19, 8, 0)),
			new Article(1, "Nâng cao chất lượng sinh hoạt chuyên đề ở chi bộ cửa khẩu",
					"Chi bộ Hải quan CKQT Cầu Treo chọn chủ đề sát thực tế, phân công đảng viên chuẩn bị kỹ, tạo không khí thảo luận dân chủ.",
					List.of("Mỗi quý, chi ủy lựa chọn một chủ đề gắn với nhiệm vụ tại cửa khẩu như cải cách thủ tục, phòng, chống tiêu cực.",
							"Đảng viên được phân công chuẩn bị dự thảo trước ít nhất một tuần; tài liệu gửi đảng viên nghiên cứu trước buổi sinh hoạt."),
					"Văn Hùng", "Chi bộ Hải quan CKQT Cầu Treo", LocalDateTime.of(2022, 9, 12, 15, 40)),
			new Article(0, "Đảng bộ giành giải Nhất hội thi “Bí thư chi bộ giỏi”",
					"Đại diện Đảng bộ đạt giải Nhất hội thi Bí thư chi bộ giỏi do Đảng ủy Khối tổ chức.",
					List.of("Phần thi xử lý tình huống trong sinh hoạt chi bộ được ban giám khảo đánh giá cao về tính thực tiễn.",
							"Kết quả khẳng định hiệu quả của việc bồi dưỡng nghiệp vụ công tác đảng cho đội ngũ bí thư chi bộ."),
					"Văn phòng Đảng ủy", null, LocalDateTime.of(2023, 4, 6, 16, 20)),
			new Article(3, "Gương đảng viên trẻ ở Cảng Vũng Áng",
					"Vào Đảng năm 2021, đồng chí Hoàng Nam luôn hoàn thành xuất sắc nhiệm vụ, được đồng nghiệp tin yêu.",
					List.of("Đồng chí chủ động nghiên cứu, đề xuất cải tiến quy trình kiểm tra hàng hóa, rút ngắn thời gian thông quan.",
							"Năm 2023, đồng chí được chi bộ đề nghị khen thưởng đảng viên hoàn thành xuất sắc nhiệm vụ."),
					"Thanh Bình", "Chi bộ Hải quan CK Cảng Vũng Áng", LocalDateTime.of(2023, 10, 2, 10, 5)),
			new Article(1, "Triển khai Hướng dẫn 42-HD/BTCTW về sinh hoạt chi bộ",
					"Đảng ủy quán triệt Chỉ thị 50-CT/TW và Hướng dẫn 42-HD/BTCTW, hướng dẫn các chi bộ áp dụng quy trình sinh hoạt mới.",
					List.of("Điểm mới là tài liệu sinh hoạt được đưa lên sổ tay đảng viên điện tử trước ít nhất một ngày, thời lượng sinh hoạt tối thiểu 90 phút.",
							"Các chi bộ tự đánh giá chất lượng từng buổi sinh hoạt theo bộ tiêu chí của Đảng ủy."),
					"Văn phòng Đảng ủy", null, LocalDateTime.of(2025, 11, 5, 9, 0)),
			new Article(2, "Chi bộ Nghiệp vụ sinh hoạt chuyên đề về tinh thần phục vụ nhân dân",
					"Buổi sinh hoạt chuyên đề gắn lời dạy của Bác với nhiệm vụ tham mưu, hướng dẫn doanh nghiệp.",
					List.of("Đảng viên liên hệ bản thân về thái độ tiếp xúc, giải quyết vướng mắc cho doanh nghiệp.",
							"Chi bộ thống nhất ba việc làm cụ thể để thực hiện trong quý tới."),
					"Mỹ Hạnh", "Chi bộ Nghiệp vụ", LocalDateTime.of(2024, 3, 14, 14, 30)),
			new Article(0, "Đại hội các chi bộ nhiệm kỳ 2025–2027 thành công tốt đẹp",
					"Tám chi bộ trực thuộc đã tổ chức đại hội đúng hướng dẫn, bầu chi ủy, bí thư, phó bí thư nhiệm kỳ mới.",
					List.of("Các đại hội đánh giá khách quan kết quả nhiệm kỳ qua và đề ra chỉ tiêu, giải pháp cho nhiệm kỳ mới.",
							"Đảng ủy biểu dương các chi bộ chuẩn bị chu đáo, tổ chức đại hội tiết kiệm, hiệu quả."),
					"Văn phòng Đảng ủy", null, LocalDateTime.of(2025, 4, 25, 17, 0)),
			new Article(3, "Người bí thư chi bộ tận tụy ở Hồng Lĩnh",
					"Hơn mười năm làm bí thư chi bộ, đồng chí Quang Tài luôn lấy sinh hoạt chi bộ làm nền tảng xây dựng đơn vị.",
					List.of("Đồng chí chú trọng khâu chuẩn bị: họp chi ủy, gửi tài liệu sớm, để mỗi buổi sinh hoạt đều có nội dung thiết thực.",
							"Chi bộ nhiều năm liền hoàn thành tốt nhiệm vụ."),
					"Lan Phương", "Chi bộ Hải quan Hồng Lĩnh", LocalDateTime.of(2024, 9, 9, 8, 45)),
			new Article(1, "Kiểm tra, giám sát chuyên đề việc thực hiện nghị quyết chi bộ",
					"Ủy ban Kiểm tra Đảng ủy giám sát chuyên đề tại hai chi bộ về việc thực hiện nghị quyết hằng tháng.",
					List.of("Qua giám sát, các chi bộ đã cụ thể hóa nghị quyết thành chỉ tiêu, phân công đảng viên thực hiện, có kiểm điểm kết quả ở kỳ sau.",
							"Ủy ban Kiểm tra đề nghị tiếp tục theo dõi các nhiệm vụ quá hạn."),
					"Văn phòng Đảng ủy", null, LocalDateTime.of(2026, 6, 18, 15, 0)));

	/**
	 * Each article's picture, in the order of {@link #ARTICLES}: scene, banner, caption.
	 */
	private record Picture(DemoPictures.Scene scene, String banner, String caption) {
	}

	private static final List<Picture> PICTURES = List.of(
			new Picture(DemoPictures.Scene.HALL, "Hội nghị tổng kết công tác xây dựng Đảng nhiệm kỳ 2015–2020",
					"Ảnh minh họa: hội nghị tổng kết công tác xây dựng Đảng của Đảng bộ"),
			new Picture(DemoPictures.Scene.HALL, "Hội nghị sơ kết công tác đảng 6 tháng đầu năm 2021",
					"Ảnh minh họa: quang cảnh hội nghị sơ kết"),
			new Picture(DemoPictures.Scene.GATE, "Cửa khẩu quốc tế Cầu Treo",
					"Ảnh minh họa: tuyến biên giới nơi chi bộ làm nhiệm vụ"),
			new Picture(DemoPictures.Scene.STUDY, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
					"Ảnh minh họa: buổi sinh hoạt chuyên đề của Chi bộ Văn phòng"),
			new Picture(DemoPictures.Scene.GATE, "Hải quan cửa khẩu quốc tế Cầu Treo",
					"Ảnh minh họa: khu kiểm soát cửa khẩu"),
			new Picture(DemoPictures.Scene.HALL, "Hội thi Bí thư chi bộ giỏi năm 2023",
					"Ảnh minh họa: phần thi xử lý tình huống"),
			new Picture(DemoPictures.Scene.GATE, "Hải quan cửa khẩu cảng Vũng Áng",
					"Ảnh minh họa: hàng hóa làm thủ tục tại cảng"),
			new Picture(DemoPictures.Scene.STUDY, "Hội nghị quán triệt Hướng dẫn 42-HD/BTCTW",
					"Ảnh minh họa: hội nghị quán triệt hướng dẫn mới"),
			new Picture(DemoPictures.Scene.STUDY, "Sinh hoạt chuyên đề: tinh thần phục vụ nhân dân",
					"Ảnh minh họa: đảng viên liên hệ bản thân"),
			new Picture(DemoPictures.Scene.HALL, "Đại hội chi bộ nhiệm kỳ 2025–2027", "Ảnh minh họa: đại hội chi bộ"),
			new Picture(DemoPictures.Scene.STUDY, "Chi bộ Hải quan Hồng Lĩnh sinh hoạt thường kỳ",
					"Ảnh minh họa: buổi sinh hoạt thường kỳ của chi bộ"),
			new Picture(DemoPictures.Scene.STUDY, "Giám sát chuyên đề việc thực hiện nghị quyết chi bộ",
					"Ảnh minh họa: đoàn giám sát làm việc với chi bộ"));

	private final NewsImport news;

	DemoNews(NewsImport news) {
		this.news = news;
	}

	void load(CurrentUser system, ZoneId zone) {
		var committeeId = system.committeeId();
		var categories = new long[CATEGORIES.size()];
		for (var i = 0; i < CATEGORIES.size(); i++) {
			categories[i] = news.category(committeeId, CATEGORIES.get(i), i + 1);
		}
		for (var i = 0; i < ARTICLES.size(); i++) {
			var a = ARTICLES.get(i);
			var id = news.published(committeeId, categories[a.category()], a.title(), a.summary(), a.body(), a.author(),
					a.branch(), a.at().atZone(zone).toOffsetDateTime());
			var picture = PICTURES.get(i);
			news.picture(system, id, DemoPictures.draw(picture.scene(), picture.banner(), i), picture.caption());
		}
	}

}
