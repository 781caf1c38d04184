package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import vn.chibo.member.Gender;
import vn.chibo.member.MemberRow;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member list's rows as the page writes them, from the bundles the application uses,
 * without Spring: the texts in Vietnamese, the date as dd/MM/yyyy, the marks in order,
 * and a link to a record only where the reader may open it.
 */
class MemberListRowsTests {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	{
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
	}

	private final MemberRow born = new MemberRow(7, "Lê Thị Hoa", 3, "Chi bộ Văn phòng", Gender.FEMALE,
			LocalDate.of(1992, 2, 3), MemberStatus.OFFICIAL, TheoryLevel.ELEMENTARY, LocalDate.of(2015, 5, 19), null,
			true, false, true);

	private final MemberRow unborn = new MemberRow(8, "Trần Văn An", 3, "Chi bộ Văn phòng", Gender.MALE, null,
			MemberStatus.PROBATIONARY, TheoryLevel.ELEMENTARY, LocalDate.of(2026, 1, 5), null, false, false, false);

	@Test
	void theOfficeReadsEveryRowWithItsLinkAndItsTexts() {
		var office = reader(Role.OFFICE, null);
		var rows = MemberListRows.of(List.of(born, unborn), office, messages, VI);
		var first = rows.getFirst();
		assertThat(first.href()).isEqualTo("/members/7");
		assertThat(first.dateOfBirth()).isEqualTo("03/02/1992");
		assertThat(first.branchLine()).isEqualTo("Chi bộ Văn phòng · sinh năm 1992");
		assertThat(first.status()).isEqualTo("Chính thức");
		assertThat(first.theory()).isEqualTo("Sơ cấp");
		assertThat(first.badges()).extracting(MemberListRows.Badge::text)
			.containsExactly("Miễn SH", "Đang SH nơi khác");
		assertThat(first.badges()).extracting(MemberListRows.Badge::css)
			.containsExactly("text-bg-warning", "text-bg-secondary");
		var second = rows.get(1);
		assertThat(second.href()).isEqualTo("/members/8");
		assertThat(second.dateOfBirth()).isNull();
		assertThat(second.branchLine()).isEqualTo("Chi bộ Văn phòng");
		assertThat(second.badges()).isEmpty();
	}

	@Test
	void aMemberHasALinkToTheirOwnRecordOnly() {
		var member = reader(Role.MEMBER, 8L);
		assertThat(MemberListRows.of(List.of(born, unborn), member, messages, VI)).extracting(MemberListRows.Row::href)
			.containsExactly(null, "/members/8");
	}

	private static CurrentUser reader(Role role, Long memberId) {
		return new CurrentUser(1, 1, "reader", "", "Người đọc", role, 1, memberId, true, false);
	}

}
