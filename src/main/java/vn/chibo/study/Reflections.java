package vn.chibo.study;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.library.DocumentText;
import vn.chibo.member.MemberQueries;
import vn.chibo.notification.Notifications;
import vn.chibo.notification.Recipient;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.cluster.ClusterLocks;
import vn.chibo.shared.files.UploadedFiles;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.study.similarity.Shingles;

/**
 * Reflections (bài thu hoạch, docs/domain.md §8): a member of the roster writes one in
 * chibo or uploads a file, keeps it as a draft or hands it in; the branch executive
 * grades it (Xuất sắc / Tốt / Đạt / Chưa đạt, with a comment) or returns it for rework. A
 * reflection handed in is compared, by its shingles in PostgreSQL, with the others of its
 * session and with the text of the studied documents; what it shares is kept for the
 * grader.
 */
@Service
@Transactional
public class Reflections {

	private static final Logger log = LoggerFactory.getLogger(Reflections.class);

	static final int MAX_CHARACTERS = 20_000;

	static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	/** Reminders go this many days before the deadline [R: our rule]. */
	static final int[] REMIND_DAYS = { 3, 1 };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final StudyQueries queries;

	private final MemberQueries members;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final CopyCheck copies;

	private final ClusterLocks locks;

	Reflections(JdbcClient jdbc, StudyQueries queries, MemberQueries members, Notifications notifications,
			AuditTrail audit, Clock clock, TransactionTemplate transaction, CopyCheck copies, ClusterLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.queries = queries;
		this.copies = copies;
		this.members = members;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
		this.transaction = transaction;
	}

	/** An uploaded file checked by its content and read, before anything is written. */
	public record Upload(String name, String contentType, byte[] content, String text) {
	}

	/** Checks a PDF or DOCX, its type judged by its content, and reads its text. */
	public static Upload read(@Nullable String fileName, byte[] content) {
		var name = UploadedFiles.cleanName(fileName, "file");
		if (content.length == 0) {
			throw new BusinessRuleException("file", "document.file.empty", name);
		}
		if (content.length > MAX_FILE_BYTES) {
			throw new BusinessRuleException("file", "document.file.tooLarge", name, MAX_FILE_BYTES / 1024 / 1024);
		}
		var type = UploadedFiles.sniff(content, name);
		if (!UploadedFiles.PDF.equals(type) && !UploadedFiles.DOCX.equals(type)) {
			throw new BusinessRuleException("file", "study.file.type", name);
		}
		return new Upload(name, type, content, DocumentText.read(content, type, name));
	}

	/**
	 * One's own reflection for a session: written, a file, or both; kept as a draft or
	 * handed in. A graded reflection is final; one handed in can be changed until it is
	 * graded. Answers its id.
	 */
	public long write(CurrentUser user, long sessionId, @Nullable String body, @Nullable Upload file, boolean submit,
			@Nullable Integer version) {
		var session = queries.brief(user, sessionId);
		if (user.memberId() == null) {
			throw new AccessDeniedException("study");
		}
		var line = queries.own(user, sessionId)
			.orElseThrow(() -> new BusinessRuleException("", "study.write.notOnRoster"));
		if (session.reflectionDue() == null) {
			throw new BusinessRuleException("", "study.write.notAsked");
		}
		var absent = line.status() == Presence.ABSENT_EXCUSED || line.status() == Presence.ABSENT_UNEXCUSED;
		if (absent && !session.absentMayWrite()) {
			throw new BusinessRuleException("", "study.write.absent");
		}
		var text = VietnameseText.paragraphs(body);
		if (text != null && text.length() > MAX_CHARACTERS) {
			throw new BusinessRuleException("body", "study.body.size", MAX_CHARACTERS);
		}
		var existing = queries.ownReflection(user, sessionId);
		if (existing.isPresent() && !existing.get().status().editable()) {
			throw new BusinessRuleException("", "study.write.graded");
		}
		var hasFile = file != null || existing.map((r) -> r.fileName() != null).orElse(false);
		if (submit && text == null && !hasFile) {
			throw new BusinessRuleException("body", "study.body.required");
		}
		var status = submit ? ReflectionStatus.SUBMITTED : existing
			.map((r) -> (r.status() == ReflectionStatus.RETURNED) ? ReflectionStatus.RETURNED : ReflectionStatus.DRAFT)
			.orElse(ReflectionStatus.DRAFT);
		long id;
		if (existing.isEmpty()) {
			id = jdbc
				.sql("""
						insert into study_reflection (committee_id, session_id, member_id, body, status, submitted_at)
						values (:committee, :session, :member, :body, :status, case when :submit then now() end) returning id
						""")
				.param("committee", user.committeeId())
				.param("session", sessionId)
				.param("member", user.memberId())
				.param("body", text)
				.param("status", status.name())
				.param("submit", submit)
				.query(Long.class)
				.single();
		}
		else {
			id = existing.get().id();
			var updated = jdbc.sql("""
					update study_reflection set body = :body, status = :status,
					submitted_at = case when :submit then now() else submitted_at end, version = version + 1,
					updated_at = now() where committee_id = :committee and id = :id and version = :version
					and status <> 'GRADED'
					""")
				.param("body", text)
				.param("status", status.name())
				.param("submit", submit)
				.param("committee", user.committeeId())
				.param("id", id)
				.param("version", (version != null) ? version : existing.get().version())
				.update();
			if (updated == 0) {
				throw new ConflictException("error.conflict");
			}
		}
		if (file != null) {
			jdbc.sql("""
					update study_reflection set file_name = :name, content_type = :type, file = :content,
					file_text = :text where committee_id = :committee and id = :id
					""")
				.param("name", file.name())
				.param("type", file.contentType())
				.param("content", file.content())
				.param("text", file.text())
				.param("committee", user.committeeId())
				.param("id", id)
				.update();
		}
		var fileText = jdbc.sql("select file_text from study_reflection where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
		var words = Shingles.words(CopyCheck.joined(text, fileText));
		jdbc.sql("update study_reflection set words = :words where committee_id = :committee and id = :id")
			.param("words", words.tokens().size())
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		if (submit) {
			copies.compare(user.committeeId(), sessionId, id, words);
		}
		var after = new LinkedHashMap<String, @Nullable Object>();
		after.put("status", status.name());
		after.put("words", words.tokens().size());
		after.put("file", (file != null) ? file.name() : null);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, submit ? "submit" : "save",
				existing.map((r) -> Map.<String, @Nullable Object>of("status", r.status().name())).orElse(null), after);
		return id;
	}

	static final String AUDIT_TYPE = "reflection";

	/** Grades a reflection handed in; "Chưa đạt" needs its comment. */
	public void grade(CurrentUser user, long reflectionId, @Nullable Grade grade, @Nullable String comment,
			@Nullable Integer version) {
		var view = graded(user, reflectionId);
		if (grade == null) {
			throw new BusinessRuleException("grade", "study.grade.required");
		}
		var text = comment(comment);
		if (grade == Grade.FAIL && text == null) {
			throw new BusinessRuleException("comment", "study.comment.requiredForFail");
		}
		if (!view.status().handedIn()) {
			throw new BusinessRuleException("grade", "study.grade.notHandedIn", view.fullName());
		}
		change(user, view, "GRADED", grade, text, version);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, reflectionId, "grade", before(view),
				Map.of("member", view.fullName(), "grade", grade.name(), "comment", (text != null) ? text : ""));
	}

	/** Returns a reflection handed in (or graded) for rework, saying why. */
	public void giveBack(CurrentUser user, long reflectionId, @Nullable String comment, @Nullable Integer version) {
		var view = graded(user, reflectionId);
		var text = comment(comment);
		if (text == null) {
			throw new BusinessRuleException("comment", "study.comment.requiredForReturn");
		}
		if (!view.status().handedIn()) {
			throw new BusinessRuleException("comment", "study.grade.notHandedIn", view.fullName());
		}
		change(user, view, "RETURNED", null, text, version);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, reflectionId, "return", before(view),
				Map.of("member", view.fullName(), "comment", text));
		notifications.send(user.committeeId(), recipients(user.committeeId(), List.of(view.memberId())), "STUDY",
				"reflectionReturned", List.of(view.sessionTitle(), text), "/study/" + view.sessionId() + "/reflection");
	}

	private void change(CurrentUser user, StudyQueries.ReflectionView view, String status, @Nullable Grade grade,
			String text, @Nullable Integer version) {
		var updated = jdbc.sql("""
				update study_reflection set status = :status, grade = :grade, comment = :comment, graded_by = :by,
				graded_at = now(), version = version + 1, updated_at = now()
				where committee_id = :committee and id = :id and version = :version
				""")
			.param("status", status)
			.param("grade", (grade != null) ? grade.name() : null)
			.param("comment", text)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("id", view.id())
			.param("version", (version != null) ? version : view.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("error.conflict");
		}
	}

	private static Map<String, @Nullable Object> before(StudyQueries.ReflectionView view) {
		var before = new LinkedHashMap<String, @Nullable Object>();
		before.put("status", view.status().name());
		before.put("grade", (view.grade() != null) ? view.grade().name() : null);
		before.put("comment", view.comment());
		return before;
	}

	private static @Nullable String comment(@Nullable String comment) {
		var text = VietnameseText.paragraphs(comment);
		if (text != null && text.length() > 2000) {
			throw new BusinessRuleException("comment", "study.comment.size", 2000);
		}
		return text;
	}

	private StudyQueries.ReflectionView graded(CurrentUser user, long reflectionId) {
		var view = queries.reflection(user, reflectionId);
		if (!queries.grades(user, view.branchId())) {
			throw new AccessDeniedException("study");
		}
		return view;
	}

	/**
	 * Each morning: members who have not handed in a reflection are reminded 3 and 1 days
	 * before its deadline; a reminder missed (the server was down) goes the next run
	 * while the deadline is still ahead.
	 */
	@Scheduled(cron = "${chibo.study.reminder-cron:0 35 6 * * *}", zone = "Asia/Ho_Chi_Minh")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void remindEveryMorning() {
		// once per cluster; a node whose turn comes later finds them sent
		locks.runAlone("study.reminders", () -> {
			var sent = sendReminders(LocalDate.now(clock));
			if (sent > 0) {
				log.info("Reflection reminders sent: {}", sent);
			}
		});
	}

	/**
	 * Sends the reminders due on {@code today}; answers how many members were reminded.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int sendReminders(LocalDate today) {
		var count = 0;
		for (var days : REMIND_DAYS) {
			var due = jdbc.sql("""
					select s.committee_id, s.id from study_session s where s.reflection_due >= :today
					and s.reflection_due <= :today + :days and s.roster_taken_at is not null
					and not exists (select 1 from study_reminder r where r.committee_id = s.committee_id
						and r.session_id = s.id and r.days_before <= :days)
					order by s.committee_id, s.id
					""")
				.param("today", today)
				.param("days", days)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.list();
			for (var item : due) {
				count += transaction.execute((status) -> remind(item[0], item[1], days));
			}
		}
		return count;
	}

	private int remind(long committeeId, long sessionId, int days) {
		var inserted = jdbc.sql("""
				insert into study_reminder (committee_id, session_id, days_before) values (:committee, :session, :days)
				on conflict do nothing
				""").param("committee", committeeId).param("session", sessionId).param("days", days).update();
		if (inserted == 0) {
			return 0;
		}
		var missing = missing(committeeId, sessionId);
		if (missing.isEmpty()) {
			return 0;
		}
		var session = jdbc.sql("select title, reflection_due from study_session where committee_id = :c and id = :id")
			.param("c", committeeId)
			.param("id", sessionId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getObject(2, LocalDate.class).format(DATE)))
			.single();
		notifications.send(committeeId, recipients(committeeId, missing), "STUDY", "reflectionReminder", session,
				"/study/" + sessionId + "/reflection");
		return missing.size();
	}

	/** The members asked for a reflection who have not handed one in. */
	List<Long> missing(long committeeId, long sessionId) {
		return jdbc
			.sql("""
					select a.member_id from study_attendance a join study_session s on s.committee_id = a.committee_id
					and s.id = a.session_id
					where a.committee_id = :committee and a.session_id = :session and not a.exempted
					and (a.status is null or a.status = 'PRESENT' or s.absent_may_write)
					and not exists (select 1 from study_reflection r where r.committee_id = a.committee_id
						and r.session_id = a.session_id and r.member_id = a.member_id and r.status in ('SUBMITTED', 'GRADED'))
					order by a.position
					""")
			.param("committee", committeeId)
			.param("session", sessionId)
			.query(Long.class)
			.list();
	}

	private List<Recipient> recipients(long committeeId, List<Long> memberIds) {
		var emails = members.emails(committeeId, memberIds);
		return memberIds.stream().map((id) -> new Recipient(id, emails.get(id))).toList();
	}

}
