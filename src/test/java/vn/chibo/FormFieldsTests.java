package vn.chibo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The form fields written once (templates/fragments/field.html): a refused form shows
 * each field's error beside it, marks the field invalid and names the error to screen
 * readers, whatever the kind of field — a text, a typed one, a text of several lines, a
 * choice.
 */
@ChiboTest
class FormFieldsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Test
	void aRefusedFormShowsEachErrorBesideItsField() throws Exception {
		var office = fixtures.committee().office();

		// The member form with no name, gender or branch and an e-mail that is none.
		var member = refused(office, "/members", "fullName", "", "email", "không-phải-thư");
		for (var field : List.of("fullName", "gender", "branchId", "email")) {
			assertErrorBeside(member, field);
		}
		assertThat(member.getElementById("email").attr("inputmode")).isEqualTo("email");
		// A field without an error names none.
		assertThat(member.getElementById("hometown").hasAttr("aria-describedby")).isFalse();
		assertThat(member.getElementById("hometown-error")).isNull();

		// An article sent empty: a choice and a text of several lines.
		var article = refused(office, "/news", "summary", "");
		for (var field : List.of("categoryId", "summary")) {
			assertErrorBeside(article, field);
		}
		assertThat(article.getElementById("summary").tagName()).isEqualTo("textarea");
		assertThat(article.getElementById("summary").attr("maxlength")).isEqualTo("600");
		assertThat(article.getElementById("categoryId").select("option").first().val()).isEmpty();

		// A training course with its kind only: its other choice and its texts refused,
		// the kind chosen kept.
		var course = refused(office, "/training/courses", "kind", "LANGUAGE");
		for (var field : List.of("mode", "title", "provider", "startsOn")) {
			assertErrorBeside(course, field);
		}
		assertThat(course.select("#kind option[selected]").val()).isEqualTo("LANGUAGE");
		assertThat(course.getElementById("kind").hasAttr("aria-describedby")).isFalse();
	}

	private Document refused(CurrentUser user, String path, String... params) throws Exception {
		var request = mvc.post().uri(path).with(user(user)).with(csrf());
		for (var i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		var result = request.exchange();
		assertThat(result).as(path).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/**
	 * The field is invalid, labelled, and described by its own error, which says
	 * something.
	 */
	private static void assertErrorBeside(Document page, String field) {
		var control = page.getElementById(field);
		assertThat(control).as(field).isNotNull();
		assertThat(control.hasClass("is-invalid")).as(field + " invalid").isTrue();
		assertThat(control.attr("aria-describedby")).as(field).isEqualTo(field + "-error");
		var error = page.getElementById(field + "-error");
		assertThat(error).as(field + " error").isNotNull();
		assertThat(error.text()).as(field + " error").isNotBlank();
		assertThat(control.nextElementSibling()).as(field + " error beside it").isEqualTo(error);
		assertThat(page.select("label[for=" + field + "]")).as(field + " label").hasSize(1);
	}

}
