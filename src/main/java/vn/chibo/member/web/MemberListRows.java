package vn.chibo.member.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import vn.chibo.member.MemberRow;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseDates;

/**
 * The member list's rows as the page writes them: the status and theory names resolved
 * once a page, each row's texts and link made here, rather than by a dozen expressions
 * and message lookups in each of the page's rows (docs/architecture.md, "Fast pages").
 * Public types, so that the page's expressions are compiled.
 */
public final class MemberListRows {

	/**
	 * A member as the list shows them: the link to the record for those who may open it
	 * (null otherwise), the branch with the year of birth shown under the name on a
	 * phone.
	 */
	public record Row(String fullName, @Nullable String href, String branchName, String branchLine,
			@Nullable String dateOfBirth, String status, List<Badge> badges, String theory) {
	}

	/** A mark beside the status: exempted, or on a temporary transfer. */
	public record Badge(String css, String text) {
	}

	private MemberListRows() {
	}

	/**
	 * The rows of the members given, as the reader sees them: every record linked for
	 * those who read member records, only their own for a member.
	 */
	public static List<Row> of(List<MemberRow> members, CurrentUser reader, MessageSource messages, Locale locale) {
		var statuses = new EnumMap<MemberStatus, String>(MemberStatus.class);
		for (var status : MemberStatus.values()) {
			statuses.put(status, messages.getMessage("member.status." + status, null, locale));
		}
		var theories = new EnumMap<TheoryLevel, String>(TheoryLevel.class);
		for (var level : TheoryLevel.values()) {
			theories.put(level, messages.getMessage("member.theory." + level, null, locale));
		}
		var exempted = new Badge("text-bg-warning", messages.getMessage("member.badge.exempted", null, locale));
		var temporaryIn = new Badge("text-bg-info", messages.getMessage("member.badge.temporaryIn", null, locale));
		var temporaryOut = new Badge("text-bg-secondary",
				messages.getMessage("member.badge.temporaryOut", null, locale));
		var readsAll = reader.role().readsMemberRecords();
		var rows = new ArrayList<Row>(members.size());
		for (var m : members) {
			var badges = new ArrayList<Badge>(0);
			if (m.exempted()) {
				badges.add(exempted);
			}
			if (m.temporaryIn()) {
				badges.add(temporaryIn);
			}
			if (m.temporaryOut()) {
				badges.add(temporaryOut);
			}
			var born = m.dateOfBirth();
			var branchLine = (born != null) ? messages.getMessage("member.list.branchAndYear",
					new Object[] { m.branchName(), String.valueOf(born.getYear()) }, locale) : m.branchName();
			rows.add(new Row(m.fullName(),
					(readsAll || Objects.equals(m.id(), reader.memberId())) ? "/members/" + m.id() : null,
					m.branchName(), branchLine, (born != null) ? born.format(VietnameseDates.SHOWN_DATE) : null,
					statuses.get(m.status()), List.copyOf(badges), theories.get(m.theoryLevel())));
		}
		return rows;
	}

}
