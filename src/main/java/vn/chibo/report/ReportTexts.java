package vn.chibo.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;

/**
 * The text parts of a report (docs/domain.md §12): strengths, shortcomings, causes and
 * the tasks ahead, written for the organisation the user answers for — the committee by
 * its office, a branch by its secretary — for a year or a term, with the previous
 * period's text at hand while writing.
 */
@Service
@Transactional
public class ReportTexts {

	static final String AUDIT_TYPE = "reportText";

	/** A year report ('2025') or a term report ('2020-2025'). */
	public enum Kind {

		YEAR, TERM

	}

	/** What the office wrote; blank parts are "". */
	record Texts(String strengths, String shortcomings, String causes, String tasks, @Nullable String updatedBy,
			@Nullable OffsetDateTime updatedAt) {

		static final Texts NONE = new Texts("", "", "", "", null, null);

		boolean written() {
			return updatedAt != null;
		}

		/** A part's paragraphs, one per line typed. */
		static List<String> paragraphs(String text) {
			return Arrays.stream(text.split("\n")).map(String::strip).filter((l) -> !l.isEmpty()).toList();
		}

	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ReportTexts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Who writes the report's text: the office for the committee, a secretary for the
	 * branch (the organisation of their scope).
	 */
	static boolean writes(CurrentUser user) {
		return user.role().editsMembers();
	}

	@Transactional(readOnly = true)
	Texts find(CurrentUser user, Kind kind, String period) {
		YearReport.requireReader(user);
		return jdbc.sql("""
				select strengths, shortcomings, causes, tasks, updated_by, updated_at from report_text
				where committee_id = :c and organization_id = :o and kind = :kind and period = :period
				""")
			.param("c", user.committeeId())
			.param("o", user.scopeOrganizationId())
			.param("kind", kind.name())
			.param("period", period)
			.query((rs, row) -> new Texts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.optional()
			.orElse(Texts.NONE);
	}

	public void save(CurrentUser user, Kind kind, String period, ReportTextForm form) {
		if (!writes(user)) {
			throw new AccessDeniedException("report text");
		}
		var before = find(user, kind, period);
		var after = new Texts(clean(form.getStrengths()), clean(form.getShortcomings()), clean(form.getCauses()),
				clean(form.getTasks()), user.username(), OffsetDateTime.now(clock));
		jdbc.sql("""
				insert into report_text (committee_id, organization_id, kind, period, strengths, shortcomings, causes,
				tasks, updated_by, updated_at) values (:c, :o, :kind, :period, :strengths, :shortcomings, :causes,
				:tasks, :by, :at)
				on conflict (committee_id, organization_id, kind, period) do update set strengths = excluded.strengths,
				shortcomings = excluded.shortcomings, causes = excluded.causes, tasks = excluded.tasks,
				updated_by = excluded.updated_by, updated_at = excluded.updated_at
				""")
			.param("c", user.committeeId())
			.param("o", user.scopeOrganizationId())
			.param("kind", kind.name())
			.param("period", period)
			.param("strengths", after.strengths())
			.param("shortcomings", after.shortcomings())
			.param("causes", after.causes())
			.param("tasks", after.tasks())
			.param("by", after.updatedBy())
			.param("at", after.updatedAt())
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, user.scopeOrganizationId(), "write",
				before.written() ? state(kind, period, before) : null, state(kind, period, after));
	}

	private static LinkedHashMap<String, String> state(Kind kind, String period, Texts texts) {
		var state = new LinkedHashMap<String, String>();
		state.put("kind", kind.name());
		state.put("period", period);
		state.put("strengths", texts.strengths());
		state.put("shortcomings", texts.shortcomings());
		state.put("causes", texts.causes());
		state.put("tasks", texts.tasks());
		return state;
	}

	private static String clean(@Nullable String text) {
		var cleaned = VietnameseText.paragraphs(text);
		return (cleaned != null) ? cleaned : "";
	}

}
