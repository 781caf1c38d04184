package vn.chibo.member.listener;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.chibo.shared.audit.AuditTrail;

import vn.chibo.member.MemberService;
import vn.chibo.member.TheoryCourseCompleted;
import vn.chibo.member.TheoryLevel;

/**
 * Records the theory courses members complete: the level rises when the course's is
 * higher than the record's, never falls; either way the course is in the member's
 * history.
 */
@Component
class TheoryLevels {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	TheoryLevels(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	// As @ApplicationModuleListener declares a listener, less @Async: after the commit of
	// the completion, in a transaction of its own, tracked by the event publication
	// registry, so that the page the office lands on shows the new level.
	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(TheoryCourseCompleted completed) {
		var current = jdbc
			.sql("select theory_level from member where committee_id = :committee and id = :id for update")
			.param("committee", completed.committeeId())
			.param("id", completed.memberId())
			.query(String.class)
			.optional();
		if (current.isEmpty()) {
			return;
		}
		var before = TheoryLevel.valueOf(current.get());
		var note = (completed.certificateNo() != null) ? completed.course() + " — " + completed.certificateNo()
				: completed.course();
		var raised = completed.level().compareTo(before) > 0;
		if (raised) {
			jdbc.sql("""
					update member set theory_level = :level, version = version + 1, updated_at = now()
					where committee_id = :committee and id = :id
					""")
				.param("level", completed.level().name())
				.param("committee", completed.committeeId())
				.param("id", completed.memberId())
				.update();
			audit.record(completed.committeeId(), completed.recordedBy(), MemberService.AUDIT_TYPE,
					completed.memberId(), "theoryLevel", Map.of("theoryLevel", before.name()),
					Map.of("theoryLevel", completed.level().name(), "course", note));
		}
		jdbc.sql(
				"""
						insert into member_history (committee_id, member_id, effective_on, kind, from_value, to_value, note, recorded_by)
						values (:committee, :member, :on, :kind, :from, :to, :note, :by)
						""")
			.param("committee", completed.committeeId())
			.param("member", completed.memberId())
			.param("on", completed.completedOn())
			.param("kind", raised ? "THEORY_LEVEL" : "THEORY_COURSE")
			.param("from", raised ? before.name() : null)
			.param("to", completed.level().name())
			.param("note", note)
			.param("by", completed.recordedBy())
			.update();
	}

}
