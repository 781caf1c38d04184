package vn.chibo.study;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.Fixtures.Committee;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A member's yearly commitment (docs/domain.md §8): written, reviewed in its window,
 * given the branch's opinion; on a committee built for each test.
 */
@ChiboTest
class CommitmentTests {

	@Autowired
	Commitments commitments;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	/** A member of the committee's branch (1 or 2) with a login of their own. */
	private CurrentUser member(Committee committee, int branch, String fullName) {
		var id = fixtures.member(committee, committee.branch(branch), fullName, TheoryLevel.INTERMEDIATE);
		return committee.memberLogin(branch, id);
	}

	@Test
	void aMemberWritesReviewsInTheWindowAndTheBranchGivesItsOpinion() {
		var year = LocalDate.now().getYear();
		var committee = fixtures.committee();
		var writer = member(committee, 1, "Trần Thị Cam");
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
		var secretary = committee.secretary(1,
				fixtures.member(committee, committee.branch(1), "Lê Văn Bí", TheoryLevel.ADVANCED));
		assertThatThrownBy(() -> commitments.opinion(secretary, written.id(), "Tốt"))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.notReviewed");
		commitments.review(writer, year, "Đã thực hiện đúng giờ; còn chậm báo cáo.", null, LocalDate.of(year, 11, 1));
		assertThatThrownBy(() -> commitments.write(writer, year, "Sửa lại", null))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.reviewed");
		// Another branch neither reads nor answers it; a member gives no opinion.
		var otherSecretary = committee.secretary(2);
		assertThatThrownBy(() -> commitments.opinion(otherSecretary, written.id(), "Không"))
			.isInstanceOf(NotFoundException.class);
		var colleague = member(committee, 1, "Phạm Văn Đồng Chí");
		assertThatThrownBy(() -> commitments.opinion(colleague, written.id(), "Không"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(commitments.branch(otherSecretary, year)).extracting(Commitments.Line::memberId)
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
		assertThat(mvc.get().uri("/study/commitments").with(user(committee.observer()))).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'commitment' and entity_id = :id")
			.param("id", written.id())
			.query(Long.class)
			.single()).as("write, review, opinion").isEqualTo(3);
	}

	@Test
	void aCommitmentOfAYearLongPastOrEmptyIsRefused() {
		var committee = fixtures.committee();
		var writer = member(committee, 2, "Hoàng Thị Năm");
		assertThatThrownBy(() -> commitments.write(writer, 1999, "Cũ", null)).hasFieldOrPropertyWithValue("messageKey",
				"commitment.year.range");
		assertThatThrownBy(() -> commitments.write(writer, LocalDate.now().getYear(), "  \n ", null))
			.hasFieldOrPropertyWithValue("messageKey", "commitment.body.required");
		assertThatThrownBy(() -> commitments.write(committee.office(), LocalDate.now().getYear(), "x", null))
			.isInstanceOf(AccessDeniedException.class);
	}

}
