package vn.chibo.news;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.news.text.Slugs;
import vn.chibo.news.site.NewsQueries;

import static org.assertj.core.api.Assertions.assertThat;

/** The public news: no login, readable addresses, search without diacritics, feeds. */
@ChiboTest
class NewsTests {

	static final String SEED = "dang-bo-cuc-hai-quan-tinh-ha-tinh-chu-trong-nang-cao-chat-luong-sinh-hoat-dang";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	NewsImport news;

	@Autowired
	NewsQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void addressesAreMadeFromTheVietnameseTitle() {
		assertThat(Slugs.of("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh: Chú trọng nâng cao chất lượng sinh hoạt đảng"))
			.isEqualTo(SEED);
		assertThat(Slugs.of("Học tập và làm theo Bác — “mỗi tháng một việc tốt”!"))
			.isEqualTo("hoc-tap-va-lam-theo-bac-moi-thang-mot-viec-tot");
		assertThat(Slugs.of("???")).isEqualTo("bai-viet");
	}

	@Test
	void anyoneReadsTheNewsWithoutLoggingIn() {
		var home = mvc.get().uri("/tin-tuc").exchange();
		assertThat(home.getResponse().getStatus()).isEqualTo(200);
		assertThat(home.getResponse().getHeader("Cache-Control")).contains("public").contains("max-age=60");
		assertThat(mvc.get().uri("/tin-tuc")).bodyText()
			.contains("Tin mới")
			.contains("Kiểm tra, giám sát chuyên đề việc thực hiện nghị quyết chi bộ");
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/{s}", SEED)).hasStatusOk()
			.bodyText()
			.contains("Đăng lúc 28/05/2020 10:56")
			.contains("Mỹ Hạnh – Chi bộ Nghiệp vụ")
			.contains("Tin cùng chuyên mục")
			.contains("property=\"og:title\"");
		assertThat(mvc.get().uri("/tin-tuc/chuyen-muc/xay-dung-dang")).hasStatusOk()
			.bodyText()
			.contains("Triển khai Hướng dẫn 42-HD/BTCTW")
			.doesNotContain("Hội nghị sơ kết công tác đảng");
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/khong-co-bai-nay")).hasStatus(HttpStatus.NOT_FOUND);
		// Everything else still needs a login.
		assertThat(mvc.get().uri("/meetings")).hasStatus3xxRedirection();
	}

	@Test
	void searchIgnoresDiacriticsAndEachCategoryHasAFeed() {
		assertThat(mvc.get().uri("/tin-tuc/tim-kiem?q=nang cao chat luong SINH HOAT")).hasStatusOk()
			.bodyText()
			.contains("Chú trọng nâng cao chất lượng sinh hoạt đảng");
		assertThat(mvc.get().uri("/tin-tuc/tim-kiem?q=khong ai viet the nay")).hasStatusOk()
			.bodyText()
			.contains("Chưa có bài viết.");
		// Two characters are found where they stand, without the text index
		// (docs/scale.md, "Searching one committee"); "%" is a character, not "anything".
		assertThat(mvc.get().uri("/tin-tuc/tim-kiem?q=42")).hasStatusOk()
			.bodyText()
			.contains("Triển khai Hướng dẫn 42-HD/BTCTW")
			.doesNotContain("Chú trọng nâng cao chất lượng sinh hoạt đảng");
		assertThat(mvc.get().uri("/tin-tuc/tim-kiem?q=%25")).hasStatusOk().bodyText().contains("Chưa có bài viết.");
		var feed = mvc.get().uri("/tin-tuc/chuyen-muc/xay-dung-dang/atom.xml").exchange();
		assertThat(feed.getResponse().getContentType()).startsWith("application/atom+xml");
		assertThat(mvc.get().uri("/tin-tuc/chuyen-muc/xay-dung-dang/atom.xml")).bodyText()
			.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
			.contains("<title>Triển khai Hướng dẫn 42-HD/BTCTW về sinh hoạt chi bộ</title>")
			.contains("/tin-tuc/bai-viet/" + SEED);
		// The public pages advertise the feeds, and carry the committee's name.
		assertThat(mvc.get().uri("/tin-tuc")).hasStatusOk()
			.bodyText()
			.contains(
					"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/tin-tuc/chuyen-muc/xay-dung-dang/atom.xml\"")
			.contains("<title>Tin tức · Đảng bộ Cục Hải quan tỉnh Hà Tĩnh</title>")
			.doesNotContain("Tin tức · Tin tức");
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/" + SEED)).hasStatusOk()
			.bodyText()
			.contains("type=\"application/atom+xml\"", "· Đảng bộ Cục Hải quan tỉnh Hà Tĩnh</title>");
	}

	@Test
	void aRetitledArticleKeepsItsOldAddressAsARedirect() {
		var committee = queries.committee().orElseThrow();
		var category = news.category(committee, "Tin tức – sự kiện", 1);
		var id = news.published(committee, category, "Chi bộ Văn phòng ra quân làm sạch môi trường", "Tóm tắt",
				List.of("Nội dung <b>không</b> phải HTML"), "Thu Trang", "Chi bộ Văn phòng",
				OffsetDateTime.now().minusHours(1));
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/chi-bo-van-phong-ra-quan-lam-sach-moi-truong")).hasStatusOk()
			.bodyText()
			.contains("Nội dung &lt;b&gt;không&lt;/b&gt; phải HTML");
		news.retitle(committee, id, "Chi bộ Văn phòng ra quân bảo vệ môi trường");
		var old = mvc.get().uri("/tin-tuc/bai-viet/chi-bo-van-phong-ra-quan-lam-sach-moi-truong").exchange();
		assertThat(old.getResponse().getStatus()).isEqualTo(301);
		assertThat(old.getResponse().getHeader("Location"))
			.endsWith("/tin-tuc/bai-viet/chi-bo-van-phong-ra-quan-bao-ve-moi-truong");
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/chi-bo-van-phong-ra-quan-bao-ve-moi-truong")).hasStatusOk();
	}

}
