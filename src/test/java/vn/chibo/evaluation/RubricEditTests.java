package vn.chibo.evaluation;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

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
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void onlyTheOfficeOfTheRubricsCommitteeEditsIt() {
		var office = demo.user("vanphong");
		var own = rubrics.rubrics(office.committeeId()).getFirst().id();
		assertThat(mvc.get().uri("/evaluation/rubrics/{id}/edit", own).with(user(office))).hasStatusOk();
		var secretary = demo.user("bithu.cb08");
		assertThat(mvc.get().uri("/evaluation/rubrics/{id}/edit", own).with(user(secretary)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/evaluation/rubrics/{id}/edit", own)
			.with(user(secretary))
			.with(csrf())
			.param("name", "Sửa trái phép")).hasStatus(HttpStatus.FORBIDDEN);
		var other = jdbc
			.sql("insert into committee (code, name) values ('OTHER-RUBRIC', 'Đảng bộ khác') "
					+ "on conflict (code) do update set name = excluded.name returning id")
			.query(Long.class)
			.single();
		rubrics.installShipped(other);
		var foreign = rubrics.rubrics(other).getFirst().id();
		assertThat(mvc.get().uri("/evaluation/rubrics/{id}/edit", foreign).with(user(office))).hasStatus(404);
	}

}
