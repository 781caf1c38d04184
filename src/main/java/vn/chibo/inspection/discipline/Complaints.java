package vn.chibo.inspection.discipline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.inspection.InspectionAccess;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * Complaints and denunciations received (khiếu nại, tố cáo; docs/domain.md §10,
 * 296-QĐ/TW): who handles each, by when, and the answer. Read and written by the
 * inspection committee and the standing members only; every read is audited.
 */
@Service
@Transactional
public class Complaints {

	static final String AUDIT_TYPE = "complaint";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final InspectionAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	Complaints(JdbcClient jdbc, InspectionAccess access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public record Complaint(long id, ComplaintKind kind, LocalDate receivedOn, @Nullable String sender, String about,
			String content, String handlerName, LocalDate dueOn, @Nullable LocalDate answeredOn,
			@Nullable String answer, boolean overdue) {

		/** Answered after its deadline. */
		public boolean late() {
			return answeredOn != null && answeredOn.isAfter(dueOn);
		}

	}

	/** The complaints of a year, newest first; the read is audited. */
	public List<Complaint> list(CurrentUser user, int year) {
		access.requireInsider(user);
		var today = LocalDate.now(clock);
		var list = jdbc.sql("""
				select * from complaint where committee_id = :committee and received_on >= :from and received_on < :to
				order by received_on desc, id desc
				""")
			.param("committee", user.committeeId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> row(rs, today))
			.list();
		if (!list.isEmpty()) {
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, null, "read", null,
					Map.of("year", year, "complaints", list.size()));
		}
		return list;
	}

	/** The years that have complaints, newest first. */
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		access.requireInsider(user);
		return jdbc.sql("""
				select distinct extract(year from received_on)::int from complaint where committee_id = :committee
				order by 1 desc
				""").param("committee", user.committeeId()).query(Integer.class).list();
	}

	/** One complaint, or 404; the read is audited. */
	public Complaint read(CurrentUser user, long id) {
		access.requireInsider(user);
		var found = find(user, id, false);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "read", null, null);
		return found;
	}

	public long receive(CurrentUser user, ComplaintForm form) {
		access.requireInsider(user);
		if (form.getKind() == null) {
			throw new BusinessRuleException("kind", "complaint.kind.required");
		}
		var received = form.getReceivedOn();
		if (received == null) {
			throw new BusinessRuleException("receivedOn", "complaint.receivedOn.required");
		}
		if (received.getYear() < 2000 || received.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("receivedOn", "complaint.receivedOn.range");
		}
		var due = form.getDueOn();
		if (due == null) {
			throw new BusinessRuleException("dueOn", "complaint.dueOn.required");
		}
		if (due.isBefore(received) || due.isAfter(received.plusYears(1))) {
			throw new BusinessRuleException("dueOn", "complaint.dueOn.range", DATE.format(received));
		}
		var values = new LinkedHashMap<String, Object>();
		values.put("kind", form.getKind().name());
		values.put("receivedOn", received);
		values.put("sender", VietnameseText.cleanOrNull(form.getSender()));
		values.put("about", required(VietnameseText.cleanOrNull(form.getAbout()), "about"));
		values.put("content", required(VietnameseText.paragraphs(form.getContent()), "content"));
		values.put("handlerName", required(VietnameseText.cleanOrNull(form.getHandlerName()), "handlerName"));
		values.put("dueOn", due);
		var id = jdbc.sql("""
				insert into complaint (committee_id, kind, received_on, sender, about, content, handler_name, due_on,
				created_by) values (:committee, :kind, :receivedOn, :sender, :about, :content, :handlerName, :dueOn,
				:by) returning id
				""")
			.params(values)
			.param("committee", user.committeeId())
			.param("by", user.username())
			.query(Long.class)
			.single();
		values.put("receivedOn", received.toString());
		values.put("dueOn", due.toString());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, values);
		return id;
	}

	/** The answer, once, on or after the day received. */
	public void answer(CurrentUser user, long id, @Nullable LocalDate on, @Nullable String text) {
		access.requireInsider(user);
		var complaint = find(user, id, true);
		if (complaint.answeredOn() != null) {
			throw new BusinessRuleException("on", "complaint.answer.once");
		}
		var answer = VietnameseText.paragraphs(text);
		if (answer == null) {
			throw new BusinessRuleException("text", "complaint.answer.required");
		}
		if (on == null) {
			throw new BusinessRuleException("on", "complaint.answeredOn.required");
		}
		if (on.isBefore(complaint.receivedOn()) || on.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("on", "complaint.answeredOn.range", DATE.format(complaint.receivedOn()));
		}
		jdbc.sql(
				"update complaint set answered_on = :on, answer = :answer where committee_id = :committee and id = :id")
			.param("on", on)
			.param("answer", answer)
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "answer", null,
				Map.of("answeredOn", on.toString(), "answer", answer));
	}

	private Complaint find(CurrentUser user, long id, boolean lock) {
		var today = LocalDate.now(clock);
		return jdbc
			.sql("select * from complaint where committee_id = :committee and id = :id" + (lock ? " for update" : ""))
			.param("committee", user.committeeId())
			.param("id", id)
			.query((rs, n) -> row(rs, today))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	private static Complaint row(ResultSet rs, LocalDate today) throws SQLException {
		var due = rs.getObject("due_on", LocalDate.class);
		var answered = rs.getObject("answered_on", LocalDate.class);
		return new Complaint(rs.getLong("id"), ComplaintKind.valueOf(rs.getString("kind")),
				rs.getObject("received_on", LocalDate.class), rs.getString("sender"), rs.getString("about"),
				rs.getString("content"), rs.getString("handler_name"), due, answered, rs.getString("answer"),
				answered == null && due.isBefore(today));
	}

	private static String required(@Nullable String text, String field) {
		if (text == null) {
			throw new BusinessRuleException(field, "complaint." + field + ".required");
		}
		return text;
	}

}
