package vn.chibo.news.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.news.text.HtmlSanitizer;
import vn.chibo.news.NewsImport;
import vn.chibo.news.text.ArticleAddresses;
import vn.chibo.news.NewsReviewers;
import vn.chibo.news.image.NewsImages;

/**
 * Writing and publishing : any member drafts; the committee office reviews — returns with
 * a note, publishes now or at a set time, corrects a published article (recorded),
 * withdraws it. Draft → submitted → published / returned / withdrawn. Every body is
 * sanitized against the allow-list before it is stored; every state change is audited.
 */
@Service
@Transactional
public class NewsService {

	public static final String AUDIT_TYPE = "news";

	private final JdbcClient jdbc;

	private final NewsImport imports;

	private final ArticleAddresses addresses;

	private final MemberQueries members;

	private final AuditTrail audit;

	private final Clock clock;

	private final NewsImages images;

	private final NewsReviewers reviewers;

	NewsService(JdbcClient jdbc, NewsImport imports, ArticleAddresses addresses, MemberQueries members,
			AuditTrail audit, Clock clock, NewsImages images, NewsReviewers reviewers) {
		this.images = images;
		this.reviewers = reviewers;
		this.jdbc = jdbc;
		this.imports = imports;
		this.addresses = addresses;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Who reviews and publishes: the committee office, the administrator and the members
	 * the office names ({@link NewsReviewers}).
	 */
	public boolean reviews(CurrentUser user) {
		return reviewers.reviews(user);
	}

	public long draft(CurrentUser user, NewsForm form) {
		var member = (user.memberId() != null) ? members.find(user.committeeId(), user.memberId()).orElse(null) : null;
		var title = title(form);
		var body = body(form);
		var id = jdbc.sql("""
				insert into news_article (committee_id, category_id, slug, title, summary, body_html, author_name,
				author_branch, author_username, status, search_text)
				values (:c, :category, :slug, :title, :summary, :body, :author, :branch, :username, 'DRAFT', :search)
				returning id
				""")
			.param("c", user.committeeId())
			.param("category", category(user, form))
			.param("slug", addresses.forTitle(user.committeeId(), title))
			.param("title", title)
			.param("summary", VietnameseText.clean(form.getSummary()))
			.param("body", body)
			.param("author", (member != null) ? member.fullName() : user.displayName())
			.param("branch", (member != null) ? member.branchName() : null)
			.param("username", user.username())
			.param("search",
					VietnameseText.fold(title + " " + form.getSummary() + " " + body.replaceAll("<[^>]+>", " ")))
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "draft", null, Map.of("title", title));
		return id;
	}

	/**
	 * Saves the article: its author while it is a draft or returned, a reviewer at any
	 * time (a correction of a published article is recorded with before and after). A
	 * save from an older version is refused.
	 */
	public void update(CurrentUser user, long id, NewsForm form) {
		var current = find(user, id);
		requireWriter(user, current);
		if (form.getVersion() != current.version()) {
			throw new ConflictException("news.conflict");
		}
		var title = title(form);
		var body = body(form);
		if (!title.equals(current.title())) {
			if (current.status().equals("PUBLISHED")) {
				imports.retitle(user.committeeId(), id, title);
			}
			else {
				jdbc.sql("update news_article set slug = :slug where committee_id = :c and id = :id")
					.param("slug", addresses.forTitle(user.committeeId(), title))
					.param("c", user.committeeId())
					.param("id", id)
					.update();
			}
		}
		jdbc.sql("""
				update news_article set category_id = :category, title = :title, summary = :summary, body_html = :body,
				search_text = :search, cover_image_id = :cover, version = version + 1, updated_at = now()
				where committee_id = :c and id = :id
				""")
			.param("cover", cover(user.committeeId(), id, body))
			.param("category", category(user, form))
			.param("title", title)
			.param("summary", VietnameseText.clean(form.getSummary()))
			.param("body", body)
			.param("search",
					VietnameseText.fold(title + " " + form.getSummary() + " " + body.replaceAll("<[^>]+>", " ")))
			.param("c", user.committeeId())
			.param("id", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id,
				current.status().equals("PUBLISHED") ? "correct" : "edit",
				Map.of("title", current.title(), "summary", current.summary(), "body", current.bodyHtml()),
				Map.of("title", title, "summary", VietnameseText.clean(form.getSummary()), "body", body));
	}

	/**
	 * Adds a picture with its caption at the end of the article's body (its author moves
	 * it in the editor); the first picture becomes the article's cover.
	 */
	public NewsImages.Image addImage(CurrentUser user, long id, byte[] content, @Nullable String caption) {
		var current = find(user, id);
		requireWriter(user, current);
		var image = images.store(user, id, content, caption);
		var body = HtmlSanitizer.clean(current.bodyHtml() + image.figure());
		jdbc.sql("""
				update news_article set body_html = :body, cover_image_id = coalesce(cover_image_id, :image),
				version = version + 1, updated_at = now() where committee_id = :c and id = :id
				""")
			.param("body", body)
			.param("image", image.id())
			.param("c", user.committeeId())
			.param("id", id)
			.update();
		return image;
	}

	/**
	 * Takes a picture out of the article: the figure that shows it leaves the body, the
	 * next picture (if any) becomes the cover, and its files go.
	 */
	public void removeImage(CurrentUser user, long id, long imageId) {
		var current = find(user, id);
		requireWriter(user, current);
		images.remove(user, id, imageId);
		var document = Jsoup.parseBodyFragment(current.bodyHtml());
		document.select("img[src^=/tin-tuc/anh/" + imageId + "/]").forEach((img) -> {
			var figure = img.closest("figure");
			((figure != null) ? figure : img).remove();
		});
		document.outputSettings().prettyPrint(false);
		var body = HtmlSanitizer.clean(document.body().html());
		jdbc.sql("""
				update news_article set body_html = :body, cover_image_id = :cover, version = version + 1,
				updated_at = now() where committee_id = :c and id = :id
				""")
			.param("body", body)
			.param("cover", cover(user.committeeId(), id, body))
			.param("c", user.committeeId())
			.param("id", id)
			.update();
	}

	/** The pictures of an article its author or a reviewer sees, in upload order. */
	@Transactional(readOnly = true)
	public List<NewsImages.Image> images(CurrentUser user, long id) {
		find(user, id);
		return images.ofArticle(user.committeeId(), id);
	}

	/** The first picture of this article the body shows, if any. */
	private @Nullable Long cover(long committeeId, long id, String body) {
		var shown = new ArrayList<Long>();
		var matcher = IMAGE_SOURCE.matcher(body);
		while (matcher.find()) {
			shown.add(Long.parseLong(matcher.group(1)));
		}
		var own = images.ofArticle(committeeId, id).stream().map(NewsImages.Image::id).toList();
		return shown.stream().filter(own::contains).findFirst().orElse(null);
	}

	private static final Pattern IMAGE_SOURCE = Pattern.compile("/tin-tuc/anh/(\\d+)/");

	private void requireWriter(CurrentUser user, NewsDraft current) {
		var author = user.username().equals(current.authorUsername());
		if (!(reviews(user) || (author && current.editableByAuthor())) || current.status().equals("WITHDRAWN")) {
			throw new AccessDeniedException("news");
		}
	}

	public void submit(CurrentUser user, long id) {
		var current = find(user, id);
		if (!user.username().equals(current.authorUsername())) {
			throw new AccessDeniedException("news");
		}
		move(user, current, List.of("DRAFT", "RETURNED"), "SUBMITTED", null, null);
	}

	public void returnToAuthor(CurrentUser user, long id, @Nullable String note) {
		requireReviewer(user);
		var text = VietnameseText.cleanOrNull(note);
		if (text == null) {
			throw new BusinessRuleException("note", "news.note.required");
		}
		move(user, find(user, id), List.of("SUBMITTED"), "RETURNED", text, null);
	}

	/** Publishes now, or at {@code at} (the public pages show it from then). */
	public void publish(CurrentUser user, long id, @Nullable OffsetDateTime at) {
		requireReviewer(user);
		move(user, find(user, id), List.of("SUBMITTED", "DRAFT", "RETURNED"), "PUBLISHED", null,
				(at != null) ? at : OffsetDateTime.now(clock));
	}

	public void withdraw(CurrentUser user, long id) {
		requireReviewer(user);
		move(user, find(user, id), List.of("PUBLISHED"), "WITHDRAWN", null, null);
	}

	private void move(CurrentUser user, NewsDraft current, List<String> from, String to, @Nullable String note,
			@Nullable OffsetDateTime publishedAt) {
		if (!from.contains(current.status())) {
			throw new BusinessRuleException("", "news.state", current.status(), to);
		}
		jdbc.sql("""
				update news_article set status = :to, review_note = coalesce(:note, review_note),
				published_at = coalesce(:at, published_at), version = version + 1, updated_at = now()
				where committee_id = :c and id = :id
				""")
			.param("to", to)
			.param("note", note)
			.param("at", publishedAt)
			.param("c", user.committeeId())
			.param("id", current.id())
			.update();
		var after = new LinkedHashMap<String, Object>();
		after.put("status", to);
		if (note != null) {
			after.put("note", note);
		}
		if (publishedAt != null) {
			after.put("publishedAt", publishedAt.toString());
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, current.id(), "status",
				Map.of("status", current.status()), after);
	}

	/** An article its author or a reviewer may see. */
	@Transactional(readOnly = true)
	public NewsDraft find(CurrentUser user, long id) {
		var draft = jdbc.sql(DRAFT + " where a.committee_id = :c and a.id = :id")
			.param("c", user.committeeId())
			.param("id", id)
			.query(NewsService::draft)
			.optional()
			.orElseThrow(NotFoundException::new);
		if (!reviews(user) && !user.username().equals(draft.authorUsername())) {
			throw new NotFoundException();
		}
		return draft;
	}

	/**
	 * The user's own articles, and for reviewers every article not yet published first.
	 */
	@Transactional(readOnly = true)
	public List<NewsDraft> workbench(CurrentUser user) {
		return jdbc.sql(DRAFT + """
				 where a.committee_id = :c and (a.author_username = :me or :reviewer)
				order by case a.status when 'SUBMITTED' then 0 when 'RETURNED' then 1 when 'DRAFT' then 2 else 3 end,
				a.updated_at desc limit 200
				""")
			.param("c", user.committeeId())
			.param("me", user.username())
			.param("reviewer", reviews(user))
			.query(NewsService::draft)
			.list();
	}

	private static final String DRAFT = """
			select a.*, c.name as category_name from news_article a
			join news_category c on c.committee_id = a.committee_id and c.id = a.category_id
			""";

	private static NewsDraft draft(ResultSet rs, int row) throws SQLException {
		return new NewsDraft(rs.getLong("id"), rs.getLong("category_id"), rs.getString("category_name"),
				rs.getString("slug"), rs.getString("title"), rs.getString("summary"), rs.getString("body_html"),
				rs.getString("author_name"), rs.getString("author_branch"), rs.getString("author_username"),
				rs.getString("status"), rs.getObject("published_at", OffsetDateTime.class), rs.getString("review_note"),
				rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class));
	}

	private long category(CurrentUser user, NewsForm form) {
		var id = form.getCategoryId();
		if (id == null || jdbc.sql("select count(*) from news_category where committee_id = :c and id = :id")
			.param("c", user.committeeId())
			.param("id", id)
			.query(Long.class)
			.single() == 0) {
			throw new BusinessRuleException("categoryId", "news.category.required");
		}
		return id;
	}

	private static String title(NewsForm form) {
		var title = VietnameseText.cleanOrNull(form.getTitle());
		if (title == null) {
			throw new BusinessRuleException("title", "news.title.required");
		}
		return title;
	}

	private static String body(NewsForm form) {
		var body = HtmlSanitizer.clean(Normalizer.normalize(String.valueOf(form.getBody()), Normalizer.Form.NFC));
		if (body.replaceAll("<[^>]+>", "").isBlank()) {
			throw new BusinessRuleException("body", "news.body.required");
		}
		return body;
	}

	private void requireReviewer(CurrentUser user) {
		if (!reviews(user)) {
			throw new AccessDeniedException("news");
		}
	}

}
