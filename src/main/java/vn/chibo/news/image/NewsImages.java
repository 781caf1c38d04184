package vn.chibo.news.image;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.FileSystemUtils;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.news.NewsReviewers;
import vn.chibo.news.desk.NewsService;
import vn.chibo.news.support.NewsProperties;

/**
 * The pictures of the news . An upload is checked by its content (JPEG or PNG, whatever
 * its name says), by its size and by its pixel count before it is decoded; a phone photo
 * is turned upright by its EXIF orientation; the original is kept and two copies are made
 * — large for the article, small for lists and phones — all in a folder of the image
 * directory, which lies outside the database's folder and is set by
 * {@code chibo.news.image-dir}. If the transaction fails, the folder goes with it.
 */
@Service
@Transactional
public class NewsImages {

	/** Width of the copy shown in an article. */
	public static final int LARGE = 1200;

	/** Width of the copy for lists and narrow screens. */
	public static final int SMALL = 480;

	/** The largest picture accepted, in pixels (a 108-megapixel phone camera fits). */
	static final long MAX_PIXELS = 120_000_000;

	/**
	 * A progressive JPEG is decoded whole whatever the subsampling (the decoder keeps
	 * every coefficient), so it may have this many pixels at the most: a 4K picture fits.
	 */
	static final long MAX_PROGRESSIVE_PIXELS = 16_000_000;

	/**
	 * Pixels a JPEG may claim per byte of its file: a real photo, even of a white wall,
	 * stays far under; a header that claims a giant picture in a few bytes does not.
	 */
	static final long MAX_PIXELS_PER_BYTE = 2_000;

	/**
	 * Pictures decoded at once: each can take a few hundred megabytes outside the heap.
	 */
	private static final Semaphore DECODES = new Semaphore(2);

	/**
	 * A large picture is decoded at a reduced resolution, at most this many pixels on its
	 * longer side — twice the large copy — so that its memory stays bounded on a modest
	 * server whatever the camera; the original file is kept as it came.
	 */
	static final int DECODED_SIDE = 2 * LARGE;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Path directory;

	private final long maxBytes;

	private final NewsReviewers reviewers;

	NewsImages(JdbcClient jdbc, AuditTrail audit, NewsReviewers reviewers, NewsProperties properties) {
		this.reviewers = reviewers;
		this.jdbc = jdbc;
		this.audit = audit;
		this.directory = Path.of(properties.imageDir()).toAbsolutePath();
		this.maxBytes = properties.imageMaxBytes();
	}

	/** A stored picture and the sizes of its copies. */
	public record Image(long id, long articleId, String caption, int largeWidth, int largeHeight, int smallWidth,
			int smallHeight) {

		public String largeUrl() {
			return "/tin-tuc/anh/" + id + "/lon.jpg";
		}

		public String smallUrl() {
			return "/tin-tuc/anh/" + id + "/nho.jpg";
		}

		/**
		 * The figure an article's body holds: the large copy with its size, and the
		 * caption.
		 */
		public String figure() {
			var text = Entities.escape(caption);
			return "<figure><img src=\"" + largeUrl() + "\" width=\"" + largeWidth + "\" height=\"" + largeHeight
					+ "\" alt=\"" + text + "\"><figcaption>" + text + "</figcaption></figure>";
		}

	}

	/** A copy to send, and whether anyone may cache it. */
	public record ImageFile(Path path, boolean published) {
	}

	/**
	 * Checks, stores and records a picture of an article. The caller has checked that the
	 * user may change the article.
	 */
	public Image store(CurrentUser user, long articleId, byte[] content, @Nullable String caption) {
		var text = VietnameseText.cleanOrNull(caption);
		if (text == null) {
			throw new BusinessRuleException("caption", "news.image.caption.required");
		}
		if (content.length == 0) {
			throw new BusinessRuleException("file", "news.image.required");
		}
		if (content.length > maxBytes) {
			throw new BusinessRuleException("file", "news.image.tooLarge", maxBytes / (1024 * 1024));
		}
		var decoded = decode(content);
		var key = user.committeeId() + "/" + UUID.randomUUID();
		var folder = directory.resolve(key);
		try {
			Files.createDirectories(folder);
			forgetOnRollback(folder);
			Files.write(folder.resolve(decoded.type().equals("image/png") ? "original.png" : "original.jpg"), content);
			var large = write(scaled(decoded.image(), LARGE), folder.resolve("lon.jpg"));
			var small = write(scaled(decoded.image(), SMALL), folder.resolve("nho.jpg"));
			var id = jdbc
				.sql("""
						insert into news_image (committee_id, article_id, storage_key, content_type, caption, bytes, width, height,
						large_width, large_height, small_width, small_height, uploaded_by)
						values (:c, :article, :key, :type, :caption, :bytes, :w, :h, :lw, :lh, :sw, :sh, :by) returning id
						""")
				.param("c", user.committeeId())
				.param("article", articleId)
				.param("key", key)
				.param("type", decoded.type())
				.param("caption", text)
				.param("bytes", content.length)
				.param("w", decoded.width())
				.param("h", decoded.height())
				.param("lw", large.getWidth())
				.param("lh", large.getHeight())
				.param("sw", small.getWidth())
				.param("sh", small.getHeight())
				.param("by", user.username())
				.query(Long.class)
				.single();
			audit.record(user.committeeId(), user.username(), NewsService.AUDIT_TYPE, articleId, "image", null,
					Map.of("imageId", id, "caption", text, "bytes", content.length, "type", decoded.type()));
			return new Image(id, articleId, text, large.getWidth(), large.getHeight(), small.getWidth(),
					small.getHeight());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes a picture of an article: its row now, its folder once the change is
	 * committed (so a failed change loses nothing).
	 */
	public void remove(CurrentUser user, long articleId, long imageId) {
		var key = jdbc.sql("""
				delete from news_image where committee_id = :c and article_id = :a and id = :id returning storage_key
				""")
			.param("c", user.committeeId())
			.param("a", articleId)
			.param("id", imageId)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		var folder = directory.resolve(key);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					delete(folder);
				}

			});
		}
		else {
			delete(folder);
		}
		audit.record(user.committeeId(), user.username(), NewsService.AUDIT_TYPE, articleId, "removeImage",
				Map.of("imageId", imageId), null);
	}

	private static void delete(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The pictures of an article, in upload order. */
	@Transactional(readOnly = true)
	public List<Image> ofArticle(long committeeId, long articleId) {
		return jdbc.sql("""
				select id, article_id, caption, large_width, large_height, small_width, small_height from news_image
				where committee_id = :c and article_id = :a order by id
				""")
			.param("c", committeeId)
			.param("a", articleId)
			.query((rs, row) -> new Image(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7)))
			.list();
	}

	/**
	 * The copy of a picture a visitor asks for: anyone's if its article is published,
	 * otherwise only for a logged-in user of the committee who may see the article.
	 */
	@Transactional(readOnly = true)
	public Optional<ImageFile> file(long id, String size, @Nullable CurrentUser viewer) {
		if (!size.equals("lon") && !size.equals("nho")) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select i.committee_id, i.storage_key, a.author_username,
				a.status = 'PUBLISHED' and a.published_at <= now() as published
				from news_image i join news_article a on a.committee_id = i.committee_id and a.id = i.article_id
				where i.id = :id
				""").param("id", id).query((rs, row) -> {
			var published = rs.getBoolean("published");
			var allowed = published || (viewer != null && viewer.committeeId() == rs.getLong("committee_id")
					&& (reviewers.reviews(viewer) || viewer.username().equals(rs.getString("author_username"))));
			return allowed
					? new ImageFile(directory.resolve(rs.getString("storage_key")).resolve(size + ".jpg"), published)
					: null;
		}).optional();
	}

	private record Decoded(BufferedImage image, String type, int width, int height) {
	}

	/**
	 * The picture in the file, by what the bytes are: JPEG or PNG only, at most
	 * {@link #MAX_PIXELS} (checked from the header, before decoding), upright.
	 */
	private static Decoded decode(byte[] content) {
		try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			var readers = ImageIO.getImageReaders(input);
			if (input == null || !readers.hasNext()) {
				throw new BusinessRuleException("file", "news.image.type");
			}
			var reader = readers.next();
			var format = reader.getFormatName().toLowerCase(Locale.ROOT);
			var type = format.equals("jpeg") || format.equals("jpg") ? "image/jpeg"
					: format.equals("png") ? "image/png" : null;
			if (type == null) {
				throw new BusinessRuleException("file", "news.image.type");
			}
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > MAX_PIXELS) {
					throw new BusinessRuleException("file", "news.image.pixels", MAX_PIXELS / 1_000_000);
				}
				var pixels = (long) width * height;
				if (type.equals("image/jpeg")) {
					if (progressive(content) && pixels > MAX_PROGRESSIVE_PIXELS) {
						throw new BusinessRuleException("file", "news.image.progressive",
								MAX_PROGRESSIVE_PIXELS / 1_000_000);
					}
					if (pixels > MAX_PIXELS_PER_BYTE * content.length) {
						throw new BusinessRuleException("file", "news.image.claims", width, height,
								Math.max(1, content.length / 1024));
					}
				}
				var param = reader.getDefaultReadParam();
				var step = (int) Math.ceil(Math.max(width, height) / (double) DECODED_SIDE);
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image;
				if (!DECODES.tryAcquire(30, TimeUnit.SECONDS)) {
					throw new BusinessRuleException("file", "news.image.busy");
				}
				try {
					image = reader.read(0, param);
				}
				finally {
					DECODES.release();
				}
				var orientation = type.equals("image/jpeg") ? Exif.orientation(content) : 1;
				var turned = orientation >= 5;
				return new Decoded(upright(image, orientation), type, turned ? height : width, turned ? width : height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BusinessRuleException("file", "news.image.busy");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BusinessRuleException rule) {
				throw rule;
			}
			throw new BusinessRuleException("file", "news.image.unreadable");
		}
	}

	/**
	 * Whether a JPEG is progressive: its frame header (SOF) is SOF2, SOF6, SOF10 or
	 * SOF14, found by walking the markers from the start of the file.
	 */
	public static boolean progressive(byte[] jpeg) {
		var i = 2;
		while (i + 4 <= jpeg.length) {
			if ((jpeg[i] & 0xFF) != 0xFF) {
				return false;
			}
			var marker = jpeg[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
				return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
			}
			if (marker == 0xD9 || marker == 0xDA) {
				return false;
			}
			i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
		}
		return false;
	}

	/**
	 * Turns a picture by its EXIF orientation (1 upright … 8), as a camera that was held
	 * sideways asks.
	 */
	public static BufferedImage upright(BufferedImage image, int orientation) {
		int w = image.getWidth();
		int h = image.getHeight();
		// Each case maps (x, y) of the stored picture to where it shows upright.
		var transform = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
			default -> null;
		};
		if (transform == null) {
			return image;
		}
		var swap = orientation >= 5;
		var turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
		var g = turned.createGraphics();
		g.drawImage(image, transform, null);
		g.dispose();
		return turned;
	}

	/** At most {@code width} wide, on white (a PNG's transparency flattened), RGB. */
	private static BufferedImage scaled(BufferedImage image, int width) {
		var w = Math.min(width, image.getWidth());
		var h = Math.max(1, Math.round((float) image.getHeight() * w / image.getWidth()));
		var copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		var g = copy.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		// Halving steps first keep a large photo sharp when it becomes small.
		var source = image;
		while (source.getWidth() / 2 >= w) {
			var half = new BufferedImage(source.getWidth() / 2, Math.max(1, source.getHeight() / 2),
					BufferedImage.TYPE_INT_ARGB);
			var hg = half.createGraphics();
			hg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			hg.drawImage(source, 0, 0, half.getWidth(), half.getHeight(), null);
			hg.dispose();
			source = half;
		}
		g.drawImage(source, 0, 0, w, h, null);
		g.dispose();
		return copy;
	}

	private static BufferedImage write(BufferedImage image, Path file) throws IOException {
		var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		var out = new ByteArrayOutputStream();
		try (var stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			var param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		Files.write(file, out.toByteArray());
		return image;
	}

	private static void forgetOnRollback(Path folder) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						try {
							FileSystemUtils.deleteRecursively(folder);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					}
				}

			});
		}
	}

}
