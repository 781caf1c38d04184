package vn.chibo.news;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;
import vn.chibo.news.image.Exif;
import vn.chibo.news.image.NewsImages;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.TestImages;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.news.desk.NewsForm;
import vn.chibo.news.desk.NewsService;
import vn.chibo.news.site.NewsQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Pictures of the news : checked by content and size, resized with their sizes recorded,
 * kept on disk outside the database, private until the article is published, and gone
 * again if the change fails.
 */
@ChiboTest
class NewsImageTests {

	@Autowired
	NewsService news;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	NewsQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TransactionTemplate transaction;

	@Value("${chibo.news.image-dir}")
	String imageDir;

	private long draft(CurrentUser author) {
		var form = new NewsForm();
		form.setCategoryId(queries.categories(author.committeeId()).getFirst().id());
		form.setTitle("Bài có ảnh " + System.nanoTime());
		form.setSummary("Tóm tắt");
		form.setBody("<p>Đoạn đầu.</p>");
		return news.draft(author, form);
	}

	private MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	@Test
	void aPictureIsStoredWithItsCopiesAndShownInTheBodyWithItsSize() throws Exception {
		var people = fixtures.people();
		var author = people.member();
		var id = draft(author);
		var upload = mvc.post()
			.uri("/news/{id}/images", id)
			.multipart()
			.file(file("anh.jpg", TestImages.jpeg(2400, 1200, Color.BLUE)))
			.param("caption", "Quang cảnh buổi lễ")
			.with(user(author))
			.with(csrf());
		assertThat(upload).hasStatus(HttpStatus.FOUND).flash().containsKey("flashSuccess");
		var image = news.images(author, id).getFirst();
		assertThat(image.caption()).isEqualTo("Quang cảnh buổi lễ");
		assertThat(image.largeWidth()).isEqualTo(1200);
		assertThat(image.largeHeight()).isEqualTo(600);
		assertThat(image.smallWidth()).isEqualTo(480);
		assertThat(image.smallHeight()).isEqualTo(240);
		var key = jdbc.sql("select storage_key from news_image where id = :id")
			.param("id", image.id())
			.query(String.class)
			.single();
		var folder = Path.of(imageDir).toAbsolutePath().resolve(key);
		assertThat(folder).isDirectory();
		assertThat(folder.toString()).doesNotContain("postgres");
		assertThat(ImageIO.read(folder.resolve("original.jpg").toFile()).getWidth()).isEqualTo(2400);
		assertThat(ImageIO.read(folder.resolve("lon.jpg").toFile()).getWidth()).isEqualTo(1200);
		assertThat(ImageIO.read(folder.resolve("nho.jpg").toFile()).getHeight()).isEqualTo(240);
		var body = news.find(author, id).bodyHtml();
		assertThat(body).contains("<img src=\"/tin-tuc/anh/" + image.id() + "/lon.jpg\" width=\"1200\" height=\"600\"")
			.contains("<figcaption>Quang cảnh buổi lễ</figcaption>");
		assertThat(jdbc.sql("select cover_image_id from news_article where id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(image.id());
		assertThat(jdbc
			.sql("select count(*) from audit_event where entity_type = 'news' and entity_id = :id "
					+ "and action = 'image'")
			.param("id", id)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void theTypeIsJudgedByContentAndTooLargePicturesAreRefusedWithTheirLimit() throws Exception {
		var people = fixtures.people();
		var author = people.member();
		var id = draft(author);
		// A PNG named .jpg is a PNG.
		news.addImage(author, id, TestImages.encode(300, 200, Color.GREEN, "png"), "Ảnh PNG");
		assertThat(jdbc.sql("select content_type from news_image where article_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("image/png");
		var refusals = new Object[][] { { "hello".getBytes(StandardCharsets.UTF_8), "news.image.type" },
				{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
					.getBytes(StandardCharsets.UTF_8), "news.image.type" },
				{ TestImages.encode(40, 40, Color.RED, "gif"), "news.image.type" },
				{ new byte[8 * 1024 * 1024 + 1], "news.image.tooLarge" }, { huge(), "news.image.pixels" },
				{ new byte[0], "news.image.required" } };
		for (var refusal : refusals) {
			assertThatThrownBy(() -> news.addImage(author, id, (byte[]) refusal[0], "Ảnh")).isInstanceOfSatisfying(
					BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo(refusal[1]));
		}
		assertThatThrownBy(() -> news.addImage(author, id, TestImages.jpeg(100, 100, Color.RED), " "))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("news.image.caption.required"));
		assertThat(news.images(author, id)).hasSize(1);
		// Another member cannot add to this article.
		assertThatThrownBy(() -> news.addImage(people.otherMember(), id, TestImages.jpeg(10, 10, Color.RED), "Ảnh"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aJpegWhoseDecodingWouldCostTooMuchIsRefusedFromItsHeader() throws Exception {
		var people = fixtures.people();
		var author = people.member();
		var id = draft(author);
		// A progressive JPEG is decoded whole: 20 million pixels is over its limit.
		var progressive = claiming(jpeg(true), 5_000, 4_000);
		assertThat(NewsImages.progressive(progressive)).isTrue();
		assertThat(NewsImages.progressive(jpeg(false))).isFalse();
		assertThatThrownBy(() -> news.addImage(author, id, progressive, "Ảnh")).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("news.image.progressive"));
		// A few hundred bytes that claim 10,950 × 10,950 pixels: refused before decoding.
		var giant = claiming(jpeg(false), 10_950, 10_950);
		assertThatThrownBy(() -> news.addImage(author, id, giant, "Ảnh")).isInstanceOfSatisfying(
				BusinessRuleException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("news.image.claims"));
		assertThat(news.images(author, id)).isEmpty();
	}

	/** A small grey JPEG, progressive or baseline. */
	private static byte[] jpeg(boolean progressive) throws IOException {
		var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		var param = writer.getDefaultWriteParam();
		if (progressive) {
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		}
		var out = new ByteArrayOutputStream();
		try (var stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		writer.dispose();
		return out.toByteArray();
	}

	/** The same JPEG with a frame header that claims another size. */
	private static byte[] claiming(byte[] jpeg, int width, int height) {
		var copy = jpeg.clone();
		for (var i = 2; i + 9 < copy.length; i++) {
			var marker = copy[i + 1] & 0xFF;
			if ((copy[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
				copy[i + 5] = (byte) (height >> 8);
				copy[i + 6] = (byte) height;
				copy[i + 7] = (byte) (width >> 8);
				copy[i + 8] = (byte) width;
				return copy;
			}
		}
		throw new IllegalStateException("no frame header");
	}

	/**
	 * A PNG whose header claims 12,000 × 10,001 pixels, in a few dozen bytes: refused
	 * from its header, never decoded.
	 */
	private static byte[] huge() throws IOException {
		var out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		var header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII));
		header.putInt(12_000).putInt(10_001).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		var crc = new CRC32();
		crc.update(header.array());
		out.write(ByteBuffer.allocate(4).putInt(13).array());
		out.write(header.array());
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		return out.toByteArray();
	}

	private static byte[] blank(int width, int height) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void aLargePhotoIsDecodedSmallAndKeptWhole() throws Exception {
		var people = fixtures.people();
		var author = people.member();
		var id = draft(author);
		var image = news.addImage(author, id, blank(4800, 3200), "Ảnh 15 triệu điểm");
		assertThat(image.largeWidth()).isEqualTo(1200);
		assertThat(image.largeHeight()).isEqualTo(800);
		assertThat(jdbc.sql("select width || 'x' || height from news_image where id = :id")
			.param("id", image.id())
			.query(String.class)
			.single()).isEqualTo("4800x3200");
	}

	@Test
	void aDraftsPictureIsPrivateUntilTheArticleIsPublished() throws Exception {
		// The public site is the demo committee's.
		var author = demo.user("dangvien.cb05");
		var id = draft(author);
		var image = news.addImage(author, id, TestImages.jpeg(800, 600, Color.ORANGE), "Ảnh chưa đăng");
		var url = image.largeUrl();
		assertThat(mvc.get().uri(url)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(url).with(user(demo.user("dangvien.cb06")))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(url).with(user(author))).hasStatusOk()
			.hasContentType("image/jpeg")
			.headers()
			.hasValue("Cache-Control", "no-store");
		assertThat(mvc.get().uri(url).with(user(demo.user("vanphong")))).hasStatusOk();
		news.publish(demo.user("vanphong"), id, null);
		var published = mvc.get().uri(image.smallUrl()).exchange();
		assertThat(published.getResponse().getStatus()).isEqualTo(200);
		assertThat(published.getResponse().getHeader("Cache-Control")).contains("public");
		assertThat(ImageIO.read(new ByteArrayInputStream(published.getResponse().getContentAsByteArray())).getWidth())
			.isEqualTo(480);
		assertThat(mvc.get().uri("/tin-tuc/anh/{id}/goc.jpg", image.id())).hasStatus(HttpStatus.NOT_FOUND);
		// The article's page shares its picture and offers the copies by screen size.
		var slug = news.find(author, id).slug();
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/{s}", slug)).hasStatusOk()
			.bodyText()
			.contains("og:image")
			.contains("/tin-tuc/anh/" + image.id() + "/lon.jpg")
			.contains("srcset=\"/tin-tuc/anh/" + image.id() + "/nho.jpg 480w");
	}

	@Test
	void aFailedChangeLeavesNoFilesBehind() throws Exception {
		var people = fixtures.people();
		var author = people.member();
		var id = draft(author);
		var root = Path.of(imageDir).toAbsolutePath().resolve(String.valueOf(author.committeeId()));
		Files.createDirectories(root);
		long before;
		try (var folders = Files.list(root)) {
			before = folders.count();
		}
		transaction.executeWithoutResult((status) -> {
			news.addImage(author, id, TestImages.jpeg(640, 480, Color.CYAN), "Ảnh sẽ bị hủy");
			status.setRollbackOnly();
		});
		try (var folders = Files.list(root)) {
			assertThat(folders.count()).isEqualTo(before);
		}
		assertThat(news.images(author, id)).isEmpty();
	}

	@Test
	void aSidewaysPhonePhotoIsTurnedUpright() {
		// EXIF orientation 6 (held upright, stored on its side), big-endian TIFF.
		byte[] header = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M',
				0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, (byte) 0xFF,
				(byte) 0xD9 };
		assertThat(Exif.orientation(header)).isEqualTo(6);
		assertThat(Exif.orientation(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 })).isEqualTo(1);
		assertThat(Exif.orientation(new byte[] { 1, 2, 3 })).isEqualTo(1);
		// A 4 × 2 picture with a red top-left pixel becomes 2 × 4, red at the top right.
		var sideways = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
		sideways.setRGB(0, 0, Color.RED.getRGB());
		var upright = NewsImages.upright(sideways, 6);
		assertThat(upright.getWidth()).isEqualTo(2);
		assertThat(upright.getHeight()).isEqualTo(4);
		assertThat(upright.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(upright.getRGB(0, 0) & 0xFFFFFF).isZero();
		var eight = NewsImages.upright(sideways, 8);
		assertThat(eight.getRGB(0, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
	}

	@Test
	void aRemovedPictureLeavesTheBodyTheCoverAndTheDisk() {
		var people = fixtures.people();
		var author = people.member();
		var id = draft(author);
		var first = news.addImage(author, id, TestImages.jpeg(900, 600, Color.RED), "Ảnh thứ nhất");
		var second = news.addImage(author, id, TestImages.jpeg(900, 600, Color.BLUE), "Ảnh thứ hai");
		var folder = Path.of(imageDir)
			.toAbsolutePath()
			.resolve(jdbc.sql("select storage_key from news_image where id = :id")
				.param("id", first.id())
				.query(String.class)
				.single());
		assertThat(mvc.post()
			.uri("/news/{id}/images/{image}/remove", id, first.id())
			.with(user(people.otherMember()))
			.with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(folder).isDirectory();
		assertThat(mvc.post().uri("/news/{id}/images/{image}/remove", id, first.id()).with(user(author)).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(folder).doesNotExist();
		assertThat(news.images(author, id)).extracting(NewsImages.Image::id).containsExactly(second.id());
		assertThat(news.find(author, id).bodyHtml()).doesNotContain("Ảnh thứ nhất").contains("Ảnh thứ hai");
		assertThat(jdbc.sql("select cover_image_id from news_article where id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(second.id());
	}

}
