package vn.chibo.evaluation;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who edits a rubric into a new version (the edit itself is walked in the browser): the
 * office of the committee whose rubric it is, nobody else.
 */
@ChiboTest
class RubricEditTests {

	@Autowired
	Rubrics rubrics;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Test
	void onlyTheOfficeOfTheRubricsCommitteeEditsIt() {
		var committee = fixtures.committee();
		var office = committee.office();
		var own = rubrics.rubrics(committee.id()).getFirst().id();
		assertThat(mvc.get().uri("/evaluation/rubrics/{id}/edit", own).with(user(office))).hasStatusOk();
		var secretary = committee.secretary(2);
		assertThat(mvc.get().uri("/evaluation/rubrics/{id}/edit", own).with(user(secretary)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/evaluation/rubrics/{id}/edit", own)
			.with(user(secretary))
			.with(csrf())
			.param("name", "Sửa trái phép")).hasStatus(HttpStatus.FORBIDDEN);
		// Another committee's rubric (installed when the committee was created).
		var foreign = rubrics.rubrics(fixtures.committee().id()).getFirst().id();
		assertThat(mvc.get().uri("/evaluation/rubrics/{id}/edit", foreign).with(user(office))).hasStatus(404);
	}

}
