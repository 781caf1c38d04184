package vn.chibo.meeting.preparation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.files.DocumentPreview;
import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static vn.chibo.meeting.support.MeetingAccess.requirePlanner;

import vn.chibo.meeting.DocumentKind;
import vn.chibo.meeting.DocumentRow;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MeetingRecordChanged;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.PreparationStep;
import vn.chibo.meeting.support.RecordChanges;

/**
 * The documents of a meeting: the branch executive attaches drafts and records, then
 * shares them with the members; sharing marks the "documents available" step
 * (42-HD/BTCTW: at least one day before; docs/domain.md §5), attaching both drafts the
 * "drafts ready" one.
 */
@Service
@Transactional
public class MeetingDocuments {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final MeetingQueries queries;

	private final MeetingService meetings;

	private final AuditTrail audit;

	private final Clock clock;

	private final MessageSource messages;

	private final RecordChanges changes;

	MeetingDocuments(JdbcClient jdbc, MeetingQueries queries, MeetingService meetings, AuditTrail audit, Clock clock,
			MessageSource messages, RecordChanges changes) {
		this.changes = changes;
		this.jdbc = jdbc;
		this.queries = queries;
		this.meetings = meetings;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
	}

	/** A document's content to download. */
	public record Download(String fileName, String contentType, byte[] content) {

		/** Opened in the browser rather than saved: a PDF or a picture. */
		public boolean readInBrowser() {
			return contentType.equals(UploadedFiles.PDF) || contentType.startsWith("image/");
		}

	}

	/** A document as read in the browser: its HTML when it is a Word file, else none. */
	public record Reading(long id, String fileName, String contentType, @Nullable String html) {
	}

	/**
	 * The reading of a document the user may open (docs/domain.md §5: documents shared
	 * with the members before the meeting).
	 */
	@Transactional(readOnly = true)
	public Reading reading(CurrentUser user, long meetingId, long documentId) {
		var meeting = queries.readable(user, meetingId);
		return jdbc
			.sql("""
					select id, file_name, content_type, preview_html from meeting_document
					where committee_id = :committee and meeting_id = :meeting and id = :id and (shared_at is not null or :all)
					""")
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.param("id", documentId)
			.param("all", user.role().plansMeetings() && queries.inScope(user, meeting.branchId()))
			.query((rs, row) -> new Reading(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	public long upload(CurrentUser user, long meetingId, @Nullable DocumentKind kind, @Nullable String fileName,
			byte[] content) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		if (kind == null) {
			throw new BusinessRuleException("kind", "document.kind.required");
		}
		var name = UploadedFiles.cleanName(fileName, "file");
		if (content.length == 0) {
			throw new BusinessRuleException("file", "document.file.empty", name);
		}
		if (content.length > MAX_BYTES) {
			throw new BusinessRuleException("file", "document.file.tooLarge", name, MAX_BYTES / 1024 / 1024);
		}
		var type = UploadedFiles.sniff(content, name);
		if (type == null) {
			throw new BusinessRuleException("file", "document.file.type", name);
		}
		var id = jdbc
			.sql("""
					insert into meeting_document (committee_id, meeting_id, kind, file_name, content_type, size_bytes, content,
					preview_html, uploaded_by)
					values (:committee, :meeting, :kind, :name, :type, :size, :content, :preview, :by) returning id
					""")
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.param("kind", kind.name())
			.param("name", name)
			.param("type", type)
			.param("size", content.length)
			.param("content", content)
			.param("preview", DocumentPreview.of(content, type))
			.param("by", user.username())
			.query(Long.class)
			.single();
		changes.changed(user.committeeId(), meeting.id(), MeetingRecordChanged.Part.PREPARATION);
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "attach", null,
				Map.of("kind", kind, "file", name, "bytes", content.length));
		// Draft content and draft resolution attached: the drafts are ready
		// (docs/domain.md
		// §5,
		// step 1).
		var kinds = jdbc
			.sql("""
					select count(distinct kind) from meeting_document where committee_id = :committee and meeting_id = :meeting
					and kind in ('DRAFT_CONTENT', 'DRAFT_RESOLUTION')
					""")
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.query(Integer.class)
			.single();
		if (kinds == 2) {
			meetings.recordStepNow(user, meeting.id(), PreparationStep.DRAFTS_READY,
					messages.getMessage("document.step.draftsAttached", null, Locale.forLanguageTag("vi")));
		}
		return id;
	}

	/**
	 * Makes every document not yet shared visible to the branch's members; the first
	 * sharing records the "documents available" step at this moment.
	 */
	public int share(CurrentUser user, long meetingId) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		var shared = jdbc.sql("""
				update meeting_document set shared_at = :now
				where committee_id = :committee and meeting_id = :meeting and shared_at is null
				""")
			.param("now", OffsetDateTime.now(clock))
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.update();
		if (shared == 0) {
			throw new BusinessRuleException("", "document.share.nothing");
		}
		changes.changed(user.committeeId(), meeting.id(), MeetingRecordChanged.Part.PREPARATION);
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "share", null,
				Map.of("documents", shared));
		meetings.recordStepNow(user, meeting.id(), PreparationStep.DOCUMENTS_AVAILABLE,
				messages.getMessage("document.step.shared", new Object[] { shared }, Locale.forLanguageTag("vi")));
		return shared;
	}

	/** Removes a document not yet shared; what members were given stays. */
	public void delete(CurrentUser user, long meetingId, long documentId) {
		requirePlanner(user);
		var meeting = queries.meeting(user, meetingId);
		var document = queries.documents(user, meeting.id())
			.stream()
			.filter((d) -> d.id() == documentId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
		if (document.shared()) {
			throw new BusinessRuleException("", "document.delete.shared", document.fileName());
		}
		jdbc.sql("delete from meeting_document where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", documentId)
			.update();
		changes.changed(user.committeeId(), meeting.id(), MeetingRecordChanged.Part.PREPARATION);
		audit.record(user.committeeId(), user.username(), MeetingService.AUDIT_TYPE, meeting.id(), "detach",
				Map.of("kind", document.kind(), "file", document.fileName()), null);
	}

	/**
	 * A document's content for a user who may see the meeting: members only once it is
	 * shared.
	 */
	@Transactional(readOnly = true)
	public Download download(CurrentUser user, long meetingId, long documentId) {
		var meeting = queries.readable(user, meetingId);
		return jdbc
			.sql("""
					select file_name, content_type, content from meeting_document
					where committee_id = :committee and meeting_id = :meeting and id = :id and (shared_at is not null or :all)
					""")
			.param("committee", user.committeeId())
			.param("meeting", meeting.id())
			.param("id", documentId)
			.param("all", user.role().plansMeetings() && queries.inScope(user, meeting.branchId()))
			.query((rs, row) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** Used by tests: the kinds of documents a meeting has. */
	List<DocumentKind> kinds(CurrentUser user, long meetingId) {
		return queries.documents(user, meetingId).stream().map(DocumentRow::kind).toList();
	}

}
