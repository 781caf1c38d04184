package vn.chibo.study;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class CommitmentTests {

	@Autowired
	Commitments commitments;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private CurrentUser member(String branch) {
		var id = jdbc.sql("""
				select m.id from member m join organization o on o.committee_id = m.committee_id and o.id = m.branch_id
				where o.code = :code and m.status = 'OFFICIAL' and not exists (select 1 from study_commitment c
					where c.member_id = m.id and c.year = :year) order by m.id desc limit 1
				""").param("code", branch).param("year", LocalDate.now().getYear()).query(Long.class).single();
		var office = demo.user("vanphong");
		return new CurrentUser(0, office.committeeId(), "m" + id, "", "m" + id, Role.MEMBER, demo.branchId(branch), id,
				true, false);
	}

	@Test
	void aMemberWritesReviewsInTheWindowAndTheBranchGivesItsOpinion() {
		var year = LocalDate.now().getYear();
		var writer = member("CB02");
		// Through the page, as a member does it on a phone.
		assertThat(mvc.post()
			.uri("/study/commitments/" + year)
			.with(user(writer))
			.with(csrf())
			.param("body", "Tôi cam kết đến cơ quan đúng giờ, không nhận quà biếu.")).hasStatus3xxRedirection();
		var written = commitments.own(writer, year).orElseThrow();
		assertThat(written.body()).contains("không nhận quà biếu");
		assertThatThrownBy(() -> commitments.review(writer, year, "Đã làm.", null, LocalDate.of(year, 10, 31)))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.review.window");
		assertThatThrownBy(() -> commitments.review(writer, year, "Đã làm.", null, LocalDate.of(year + 1, 2, 1)))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.review.window");
		var secretary = demo.user("bithu.cb02");
		assertThatThrownBy(() -> commitments.opinion(secretary, written.id(), "Tốt"))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.notReviewed");
		commitments.review(writer, year, "Đã thực hiện đúng giờ; còn chậm báo cáo.", null, LocalDate.of(year, 11, 1));
		assertThatThrownBy(() -> commitments.write(writer, year, "Sửa lại", null))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.reviewed");
		// Another branch neither reads nor answers it; a member gives no opinion.
		assertThatThrownBy(() -> commitments.opinion(demo.user("bithu.cb03"), written.id(), "Không"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> commitments.opinion(demo.user("dangvien.cb02"), written.id(), "Không"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(commitments.branch(demo.user("bithu.cb03"), year)).extracting(Commitments.Line::memberId)
			.doesNotContain(writer.memberId());
		commitments.opinion(secretary, written.id(), "Chi ủy ghi nhận.");
		assertThat(commitments.branch(secretary, year)).filteredOn((l) -> l.memberId() == writer.memberId())
			.singleElement()
			.satisfies((l) -> assertThat(l.commitment().opinion()).isEqualTo("Chi ủy ghi nhận."));
		assertThatThrownBy(() -> commitments.review(writer, year, "Sửa", null, LocalDate.of(year, 12, 1)))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.opinionGiven");
		assertThat(mvc.get().uri("/study/commitments?year=" + year).with(user(writer))).hasStatusOk()
			.bodyText()
			.contains("Chi ủy ghi nhận.");
		assertThat(mvc.get().uri("/study/commitments").with(user(demo.user("captren")))).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'commitment' and entity_id = :id")
			.param("id", written.id())
			.query(Long.class)
			.single()).as("write, review, opinion").isEqualTo(3);
	}

	@Test
	void aCommitmentOfAYearLongPastOrEmptyIsRefused() {
		var writer = member("CB06");
		assertThatThrownBy(() -> commitments.write(writer, 1999, "Cũ", null)).hasFieldOrPropertyWithValue("messageKey",
				"commitment.year.range");
		assertThatThrownBy(() -> commitments.write(writer, LocalDate.now().getYear(), "  \n ", null))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.body.required");
		assertThatThrownBy(() -> commitments.write(demo.user("vanphong"), LocalDate.now().getYear(), "x", null))
			.isInstanceOf(AccessDeniedException.class);
	}

}
