package vn.chibo.news;

import java.awt.Color;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.TestImages;
import vn.chibo.news.site.NewsQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@ChiboTest
class NewsApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	NewsQueries queries;

	@Test
	void publishedNewsIsPublicAndTheDeskFollowsTheSameRules() throws Exception {
		assertThat(mvc.get().uri("/api/v1/news?category=xay-dung-dang&q=chat luong")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].title")
			.asArray()
			.contains("Đảng bộ Cục Hải quan tỉnh Hà Tĩnh: Chú trọng nâng cao chất lượng sinh hoạt đảng");
		assertThat(mvc.get().uri("/api/v1/news/published/{s}", NewsTests.SEED)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.authorName")
			.isEqualTo("Mỹ Hạnh");
		assertThat(mvc.get().uri("/api/v1/news/desk")).hasStatus(HttpStatus.UNAUTHORIZED);
		var category = queries.categories(queries.committee().orElseThrow()).getFirst().id();
		var created = mvc.post()
			.uri("/api/v1/news/desk")
			.with(httpBasic("dangvien.cb08", DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("""
					{"categoryId": %d, "title": "Chi bộ Hồng Lĩnh trồng cây xanh", "summary": "Tết trồng cây.",
					 "body": "<p>Trồng <em>200</em> cây.</p><img src=x onerror=alert(1)>"}
					""".formatted(category))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.bodyHtml")
			.isEqualTo("<p>Trồng <em>200</em> cây.</p>");
		var id = created.getResponse().getHeader("Location").replaceAll(".*/", "");
		// A picture through the API: checked like an upload on the page.
		var picture = mvc.post()
			.uri("/api/v1/news/desk/{id}/images", id)
			.multipart()
			.file(new MockMultipartFile("file", "cay.jpg", "image/jpeg", TestImages.jpeg(1000, 500, Color.GREEN)))
			.param("caption", "Cây xanh vừa trồng")
			.with(httpBasic("dangvien.cb08", DemoUsers.PASSWORD))
			.exchange();
		assertThat(picture).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.largeHeight").isEqualTo(500);
		assertThat(mvc.post()
			.uri("/api/v1/news/desk/{id}/images", id)
			.multipart()
			.file(new MockMultipartFile("file", "cay.jpg", "image/jpeg", "<svg/>".getBytes(StandardCharsets.UTF_8)))
			.param("caption", "Không phải ảnh")
			.with(httpBasic("dangvien.cb08", DemoUsers.PASSWORD))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.contains("JPEG");
		assertThat(mvc.post()
			.uri("/api/v1/news/desk/{id}/review", id)
			.with(httpBasic("dangvien.cb08", DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"action\": \"publish\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/api/v1/news/desk/{id}/review", id)
			.with(httpBasic("dangvien.cb08", DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"action\": \"submit\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("SUBMITTED");
		assertThat(mvc.post()
			.uri("/api/v1/news/desk/{id}/review", id)
			.with(httpBasic("vanphong", DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"action\": \"publish\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("PUBLISHED");
		assertThat(mvc.get().uri("/api/v1/news/desk/{id}", id).with(httpBasic("dangvien.cb07", DemoUsers.PASSWORD)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/v3/api-docs").with(httpBasic("admin", DemoUsers.PASSWORD))).bodyText()
			.contains("/api/v1/news")
			.contains("/api/v1/news/desk/{id}/review")
			.contains("/api/v1/news/desk/{id}/images");
	}

}
