package vn.chibo.news;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.news.site.NewsCategory;
import vn.chibo.news.desk.DefaultCategories;
import vn.chibo.news.desk.NewsDraft;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.news.desk.NewsForm;
import vn.chibo.news.desk.NewsService;
import vn.chibo.news.site.NewsQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Members write, the office reviews and publishes; bodies are sanitized; every step
 * audited.
 */
@ChiboTest
class NewsDeskTests {

	@Autowired
	NewsService news;

	@Autowired
	NewsQueries queries;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private NewsForm form(String title, String body) {
		return form(demo.user("admin"), title, body);
	}

	private NewsForm form(CurrentUser writer, String title, String body) {
		var form = new NewsForm();
		form.setCategoryId(queries.categories(writer.committeeId()).getFirst().id());
		form.setTitle(title);
		form.setSummary("Chi bộ tổ chức hoạt động ý nghĩa.");
		form.setBody(body);
		return form;
	}

	@Test
	void aMemberDraftsTheOfficeReturnsThenPublishesAndAnyoneReadsIt() {
		var member = demo.user("dangvien.cb06");
		var office = demo.user("vanphong");
		assertThat(mvc.post()
			.uri("/news")
			.with(user(member))
			.with(csrf())
			.param("categoryId", String.valueOf(queries.categories(member.committeeId()).getFirst().id()))
			.param("title", "Chi bộ Văn phòng thăm gia đình chính sách")
			.param("summary", "Hoạt động tri ân nhân ngày 27/7.")
			.param("body",
					"<p>Đoàn đã thăm <b>5 gia đình</b>.</p><script>alert(1)</script><img src=x onerror=alert(1)>")
			.param("version", "0")).hasStatus3xxRedirection();
		var id = jdbc.sql("select id from news_article where title = 'Chi bộ Văn phòng thăm gia đình chính sách'")
			.query(Long.class)
			.single();
		var draft = news.find(member, id);
		assertThat(draft.bodyHtml()).isEqualTo("<p>Đoàn đã thăm <b>5 gia đình</b>.</p>");
		assertThat(draft.authorBranch()).isEqualTo("Chi bộ Văn phòng");
		assertThat(draft.status()).isEqualTo("DRAFT");
		// Not public, and not visible to another member.
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/{s}", draft.slug())).hasStatus(HttpStatus.NOT_FOUND);
		assertThatThrownBy(() -> news.find(demo.user("dangvien.cb05"), id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> news.publish(member, id, null)).isInstanceOf(AccessDeniedException.class);

		news.submit(member, id);
		assertThat(news.workbench(office)).first().extracting(NewsDraft::id).isEqualTo(id);
		assertThatThrownBy(() -> news.returnToAuthor(office, id, " ")).isInstanceOf(BusinessRuleException.class);
		news.returnToAuthor(office, id, "Bổ sung ảnh và tên các gia đình");
		assertThat(mvc.get().uri("/news/{id}", id).with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Bổ sung ảnh và tên các gia đình");
		var edit = form("Chi bộ Văn phòng thăm các gia đình chính sách", "<p>Đoàn đã thăm 5 gia đình.</p>");
		edit.setVersion(news.find(member, id).version());
		news.update(member, id, edit);
		var stale = form("Tiêu đề khác", "<p>x</p>");
		stale.setVersion(0);
		assertThatThrownBy(() -> news.update(member, id, stale)).isInstanceOf(ConflictException.class);
		news.submit(member, id);
		news.publish(office, id, null);
		var published = news.find(office, id);
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/{s}", published.slug())).hasStatusOk()
			.bodyText()
			.contains("Đoàn đã thăm 5 gia đình.")
			.contains("Chi bộ Văn phòng thăm các gia đình chính sách");
		// A correction of a published article is recorded; the author no longer edits it.
		assertThatThrownBy(() -> news.update(member, id, edit)).isInstanceOf(AccessDeniedException.class);
		var correction = form("Chi bộ Văn phòng thăm các gia đình chính sách", "<p>Đoàn đã thăm 6 gia đình.</p>");
		correction.setVersion(published.version());
		news.update(office, id, correction);
		news.withdraw(office, id);
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/{s}", published.slug())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select action from audit_event where entity_type = 'news' and entity_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("draft", "status", "status", "edit", "status", "status", "correct", "status");
	}

	@Test
	void aScheduledArticleAppearsOnlyFromItsTime() {
		var office = demo.user("vanphong");
		var id = news.draft(office, form("Thông báo lịch học nghị quyết tháng tới", "<p>Lịch học.</p>"));
		news.publish(office, id, OffsetDateTime.now().plusDays(2));
		var slug = news.find(office, id).slug();
		assertThat(mvc.get().uri("/tin-tuc/bai-viet/{s}", slug)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/tin-tuc")).bodyText().doesNotContain("Thông báo lịch học nghị quyết tháng tới");
	}

	@Autowired
	NewsReviewers reviewers;

	@Test
	void theOfficeNamesAMemberWhoThenReviewsUntilRemoved() {
		var people = fixtures.people();
		var office = people.committee().office();
		var writer = people.member();
		var named = people.otherMember();
		var memberId = Objects.requireNonNull(named.memberId());
		assertThat(reviewers.reviews(named)).isFalse();
		assertThat(mvc.get().uri("/news/reviewers?q=cao van son").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Cao Văn Sơn");
		assertThat(mvc.post()
			.uri("/news/reviewers")
			.param("memberId", String.valueOf(memberId))
			.with(user(office))
			.with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(reviewers.reviews(named)).isTrue();
		var id = news.draft(writer, form(writer, "Chi bộ trồng cây xanh", "<p>Hai trăm cây xanh.</p>"));
		news.submit(writer, id);
		assertThat(news.workbench(named)).extracting(NewsDraft::id).contains(id);
		news.publish(named, id, null);
		assertThat(news.find(office, id).status()).isEqualTo("PUBLISHED");
		assertThat(news.workbench(fixtures.committee().office())).extracting(NewsDraft::id).doesNotContain(id);
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'nameReviewer' and after_state ->> 'memberId' = :m")
			.param("m", String.valueOf(memberId))
			.query(Long.class)
			.single()).isOne();
		// The audit trail names the change without a missing key or an empty number.
		assertThat(mvc.get().uri("/audit?type=news").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Giao người duyệt tin")
			.doesNotContain("nameReviewer")
			.doesNotContain("#null");
		assertThat(mvc.get().uri("/audit?type=evaluation").with(user(demo.user("vanphong")))).hasStatusOk()
			.bodyText()
			.doesNotContain("{0}");
		reviewers.remove(office, memberId);
		assertThat(reviewers.reviews(named)).isFalse();
		assertThatThrownBy(() -> news.withdraw(named, id)).isInstanceOf(AccessDeniedException.class);
		// Only the office names reviewers.
		assertThat(mvc.get().uri("/news/reviewers").with(user(people.secretary()))).hasStatus(HttpStatus.FORBIDDEN);
		assertThatThrownBy(() -> reviewers.name(people.secretary(), memberId))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aNewCommitteeStartsWithTheCategoriesOfItsNewsAndItsFirstArticleIsWrittenAtOnce() {
		var people = fixtures.people();
		assertThat(queries.categories(people.committee().id())).extracting(NewsCategory::name)
			.containsExactly("Tin tức – sự kiện", "Xây dựng Đảng", "Học tập và làm theo Bác", "Gương điển hình");
		assertThat(mvc.get().uri("/news/new").with(user(people.member()))).hasStatusOk()
			.bodyText()
			.contains("Gương điển hình");
		var id = news.draft(people.member(), form(people.member(), "Bài đầu tiên của Đảng bộ", "<p>Nội dung.</p>"));
		assertThat(news.find(people.member(), id).authorBranch()).isEqualTo("Chi bộ Văn phòng");
		// The demo committee's are its own, none added twice.
		assertThat(queries.categories(demo.user("admin").committeeId())).hasSize(4);
	}

	@Autowired
	DefaultCategories defaultCategories;

	@Test
	void aCommitteeMadeBeforeItsNewsHadCategoriesGetsThemAtTheNextStart() {
		var committee = fixtures.committee();
		jdbc.sql("delete from news_category where committee_id = :c").param("c", committee.id()).update();
		assertThat(queries.categories(committee.id())).isEmpty();
		defaultCategories.installMissing();
		assertThat(queries.categories(committee.id())).extracting(NewsCategory::name)
			.containsExactly("Tin tức – sự kiện", "Xây dựng Đảng", "Học tập và làm theo Bác", "Gương điển hình");
		// Again, nothing more.
		defaultCategories.installMissing();
		assertThat(queries.categories(committee.id())).hasSize(4);
	}

}
