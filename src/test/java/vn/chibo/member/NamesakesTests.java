package vn.chibo.member;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Two members of one branch with the same name are told apart wherever one is chosen: by
 * year of birth, then by card number; a name nobody shares stays as it is.
 */
@ChiboTest
class NamesakesTests {

	@Autowired
	MemberService members;

	@Autowired
	Namesakes namesakes;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Fixtures fixtures;

	private long member(Fixtures.Committee committee, String name, LocalDate born, String cardNo) {
		return members.create(committee.office(),
				new MemberForm(name, Gender.MALE, born, "Hà Tĩnh", null, "Kinh", null, null, null, null, null, null,
						null, TheoryLevel.ELEMENTARY, cardNo, null, LocalDate.of(2010, 5, 19),
						LocalDate.of(2011, 5, 19), committee.branch(1), null, null));
	}

	@Test
	void namesakesAreToldApartByYearOfBirthThenCard() throws UnsupportedEncodingException {
		var committee = fixtures.committee();
		var older = member(committee, "Phan Văn Trùng", LocalDate.of(1975, 2, 1), "98100001");
		var younger = member(committee, "Phan Văn Trùng", LocalDate.of(1988, 7, 9), "98100002");
		var twin = member(committee, "Phan Văn Trùng", LocalDate.of(1988, 1, 3), "98100003");
		var alone = member(committee, "Phan Thị Riêng", LocalDate.of(1990, 1, 1), "98100004");
		var labels = namesakes.labels(committee.id(), List.of(older, younger, twin, alone));
		assertThat(labels).containsEntry(older, "Phan Văn Trùng (1975)")
			.containsEntry(younger, "Phan Văn Trùng (1988, 98100002)")
			.containsEntry(twin, "Phan Văn Trùng (1988, 98100003)")
			.containsEntry(alone, "Phan Thị Riêng");
		// The preparer of a new meeting is chosen among them, told apart.
		var result = mvc.get()
			.uri("/meetings/new?branchId={b}", committee.branch(1))
			.with(user(committee.secretary(1)))
			.exchange();
		assertThat(result).hasStatusOk();
		var options = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.select("#preparerMemberId option")
			.eachText();
		assertThat(options).contains("Phan Văn Trùng (1975)", "Phan Văn Trùng (1988, 98100002)", "Phan Thị Riêng")
			.doesNotContain("Phan Văn Trùng");
		// The member list on a phone keeps each one's branch and year of birth under the
		// name.
		var list = mvc.get().uri("/members?q=phan van trung").with(user(committee.office())).exchange();
		assertThat(Jsoup.parse(list.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.select("#member-table .member-branch")
			.eachText()).anySatisfy((line) -> assertThat(line).startsWith("Chi bộ").endsWith(" · sinh năm 1975"))
			.anySatisfy((line) -> assertThat(line).endsWith(" · sinh năm 1988"));
		// Its branch filter: the committee's branches, the one asked for chosen.
		var filtered = Jsoup.parse(mvc.get()
			.uri("/members?branchId={b}", committee.branch(2))
			.with(user(committee.office()))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(filtered.select("#branchId option").eachText()).containsExactly("Tất cả chi bộ", "Chi bộ Văn phòng",
				"Chi bộ Nghiệp vụ");
		assertThat(filtered.select("#branchId option[selected]").eachAttr("value"))
			.containsExactly(String.valueOf(committee.branch(2)));
	}

}
