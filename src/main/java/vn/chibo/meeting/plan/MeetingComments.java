package vn.chibo.meeting.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;

import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingService;

/**
 * Comments on a meeting: the superior committee member who follows the branch and the
 * committee comment; the branch's secretary answers.
 */
@Service
@Transactional
public class MeetingComments {

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	private final AuditTrail audit;

	MeetingComments(JdbcClient jdbc, MeetingQueries queries, AuditTrail audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
	}

	public record Comment(long id, String author, String authorName, String content, OffsetDateTime createdAt) {
	}

	/** Whether the user may comment on the meeting. */
	public boolean mayComment(CurrentUser user, MeetingRow meeting) {
		return queries.follows(user, meeting.branchId()) || user.role().answersProposals()
				|| (user.role().plansMeetings() && queries.inScope(user, meeting.branchId()));
	}

	public long add(CurrentUser user, long meetingId, @Nullable String content) {
		var meeting = queries.readable(user, meetingId);
		if (!mayComment(user, meeting)) {
			throw new AccessDeniedException("comment");
		}
		var text = VietnameseText.paragraphs(content);
		if (text == null) {
			throw new BusinessRuleException("comment", "comment.required");
		}
		if (text.length() > 4000) {
			throw new BusinessRuleException("comment", "meeting.text.size");
		}
		var id = jdbc.sql("""
				insert into meeting_comment (committee_id, meeting_id, author, author_name, content)
				values (:committee, :meeting, :author, :name, :content) returning id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.param("author", user.username())
			.param("name", user.displayName())
			.param("content", text)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meetingId, "comment", null,
				Map.of("comment", text));
		return id;
	}

	@Transactional(readOnly = true)
	public List<Comment> comments(CurrentUser user, long meetingId) {
		queries.readable(user, meetingId);
		return jdbc.sql("""
				select id, author, author_name, content, created_at from meeting_comment
				where committee_id = :committee and meeting_id = :meeting order by created_at, id
				""")
			.param("committee", user.committeeId())
			.param("meeting", meetingId)
			.query((rs, row) -> new Comment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

}
