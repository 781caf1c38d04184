package vn.chibo.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.TheoryCourseCompleted;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The office keeps the training plan (docs/domain.md §9): courses, and for each year who
 * is proposed for which course, approved, enrolled, completed with the certificate, or
 * withdrawn. A completed theory course is announced to the member records
 * ({@link TheoryCourseCompleted}), which raise the member's theory level. Every change is
 * audited with the change.
 */
@Service
@Transactional
public class TrainingService {

	static final String AUDIT_TYPE = "training";

	private final JdbcClient jdbc;

	private final TrainingQueries queries;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TrainingService(JdbcClient jdbc, TrainingQueries queries, MemberQueries members, OrganizationQueries organizations,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public long createCourse(CurrentUser user, CourseForm form) {
		requireManager(user);
		var values = values(user, form);
		var id = jdbc.sql("""
				insert into training_course (committee_id, kind, level, title, provider, starts_on, ends_on, mode,
				created_by) values (:committee, :kind, :level, :title, :provider, :startsOn, :endsOn, :mode, :by)
				returning id
				""").params(values).param("by", user.username()).query(Long.class).single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "createCourse", null, values(values));
		return id;
	}

	public void updateCourse(CurrentUser user, long id, CourseForm form) {
		requireManager(user);
		var course = queries.course(user, id);
		var values = values(user, form);
		if (course.completed() > 0 && (course.kind() != form.getKind() || course.level() != form.getLevel())) {
			throw new BusinessRuleException("kind", "training.course.completedKind");
		}
		var updated = jdbc.sql("""
				update training_course set kind = :kind, level = :level, title = :title, provider = :provider,
				starts_on = :startsOn, ends_on = :endsOn, mode = :mode, version = version + 1, updated_at = now()
				where committee_id = :committee and id = :id and version = :version
				""")
			.params(values)
			.param("id", id)
			.param("version", (form.getVersion() != null) ? form.getVersion() : course.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("error.conflict");
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "updateCourse",
				Map.of("title", course.title(), "startsOn", course.startsOn()), values(values));
	}

	/**
	 * Proposes a member for a course in a year's plan; a member already on the course is
	 * named.
	 */
	public long propose(CurrentUser user, long courseId, @Nullable Long memberId, @Nullable Integer planYear,
			@Nullable String note) {
		requireManager(user);
		var course = queries.course(user, courseId);
		if (memberId == null) {
			throw new BusinessRuleException("memberId", "training.member.required");
		}
		var member = members.find(user.committeeId(), memberId)
			.filter((m) -> organizations.isVisible(user, m.branchId()))
			.orElseThrow(() -> new BusinessRuleException("memberId", "training.member.notFound"));
		if (member.status() != MemberStatus.OFFICIAL && member.status() != MemberStatus.PROBATIONARY) {
			throw new BusinessRuleException("memberId", "training.member.inactive", member.fullName());
		}
		var year = (planYear != null) ? planYear : course.startsOn().getYear();
		if (year < 2000 || year > 2100) {
			throw new BusinessRuleException("planYear", "training.year.range");
		}
		var taken = jdbc.sql("""
				select exists (select 1 from training_enrolment where committee_id = :committee and course_id = :course
				and member_id = :member)
				""")
			.param("committee", user.committeeId())
			.param("course", courseId)
			.param("member", memberId)
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new BusinessRuleException("memberId", "training.member.taken", member.fullName());
		}
		var text = note(note);
		var id = jdbc.sql("""
				insert into training_enrolment (committee_id, course_id, member_id, full_name, branch_id, plan_year,
				status, note, updated_by) values (:committee, :course, :member, :name, :branch, :year, 'PROPOSED',
				:note, :by) returning id
				""")
			.param("committee", user.committeeId())
			.param("course", courseId)
			.param("member", memberId)
			.param("name", member.fullName())
			.param("branch", member.branchId())
			.param("year", year)
			.param("note", text)
			.param("by", user.username())
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, courseId, "propose", null,
				Map.of("member", member.fullName(), "year", year));
		return id;
	}

	/**
	 * Moves an enrolment in the plan. Completing needs its date (not before the course
	 * starts, not in the future) and, for a theory course, the certificate number; a
	 * completion is final.
	 */
	public void change(CurrentUser user, long enrolmentId, @Nullable EnrolmentStatus status,
			@Nullable String certificateNo, @Nullable LocalDate completedOn, @Nullable Integer version) {
		requireManager(user);
		var enrolment = queries.enrolment(user, enrolmentId).orElseThrow(NotFoundException::new);
		if (status == null) {
			throw new BusinessRuleException("status", "training.status.required");
		}
		if (enrolment.status() == EnrolmentStatus.COMPLETED) {
			throw new BusinessRuleException("status", "training.status.completed", enrolment.fullName());
		}
		var certificate = VietnameseText.cleanOrNull(certificateNo);
		if (certificate != null && certificate.length() > 60) {
			throw new BusinessRuleException("certificateNo", "training.text.size");
		}
		var course = queries.course(user, enrolment.courseId());
		if (status == EnrolmentStatus.COMPLETED) {
			if (completedOn == null) {
				throw new BusinessRuleException("completedOn", "training.completedOn.required", enrolment.fullName());
			}
			if (completedOn.isBefore(course.startsOn()) || completedOn.isAfter(LocalDate.now(clock))) {
				throw new BusinessRuleException("completedOn", "training.completedOn.range", enrolment.fullName());
			}
			if (course.kind() == CourseKind.THEORY && certificate == null) {
				throw new BusinessRuleException("certificateNo", "training.certificate.required", enrolment.fullName());
			}
		}
		var completed = status == EnrolmentStatus.COMPLETED;
		var updated = jdbc.sql("""
				update training_enrolment set status = :status, certificate_no = :certificate, completed_on = :on,
				version = version + 1, updated_by = :by, updated_at = now()
				where committee_id = :committee and id = :id and version = :version
				""")
			.param("status", status.name())
			.param("certificate", completed ? certificate : null)
			.param("on", completed ? completedOn : null)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("id", enrolmentId)
			.param("version", (version != null) ? version : enrolment.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("error.conflict");
		}
		var after = new LinkedHashMap<String, @Nullable Object>();
		after.put("member", enrolment.fullName());
		after.put("status", status.name());
		after.put("certificateNo", completed ? certificate : null);
		after.put("completedOn", completed ? completedOn : null);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, enrolment.courseId(), "enrolment",
				Map.of("member", enrolment.fullName(), "status", enrolment.status().name()), after);
		if (completed && course.kind() == CourseKind.THEORY && course.level() != null) {
			events.publishEvent(new TheoryCourseCompleted(user.committeeId(), enrolment.memberId(), course.level(),
					completedOn, course.title(), certificate, user.username()));
		}
	}

	private Map<String, @Nullable Object> values(CurrentUser user, CourseForm form) {
		if (form.getKind() == null) {
			throw new BusinessRuleException("kind", "training.kind.required");
		}
		if (form.getKind() == CourseKind.THEORY && (form.getLevel() == null || form.getLevel() == TheoryLevel.NONE)) {
			throw new BusinessRuleException("level", "training.level.required");
		}
		var title = VietnameseText.cleanOrNull(form.getTitle());
		if (title == null) {
			throw new BusinessRuleException("title", "training.title.required");
		}
		var provider = VietnameseText.cleanOrNull(form.getProvider());
		if (provider == null) {
			throw new BusinessRuleException("provider", "training.provider.required");
		}
		var startsOn = form.getStartsOn();
		if (startsOn == null) {
			throw new BusinessRuleException("startsOn", "training.startsOn.required");
		}
		if (startsOn.getYear() < 1970 || startsOn.getYear() > 2100) {
			throw new BusinessRuleException("startsOn", "training.date.range");
		}
		var endsOn = form.getEndsOn();
		if (endsOn != null && (endsOn.isBefore(startsOn) || endsOn.getYear() > 2100)) {
			throw new BusinessRuleException("endsOn", "training.endsOn.beforeStart");
		}
		if (form.getMode() == null) {
			throw new BusinessRuleException("mode", "training.mode.required");
		}
		var values = new LinkedHashMap<String, @Nullable Object>();
		values.put("committee", user.committeeId());
		values.put("kind", form.getKind().name());
		values.put("level", (form.getKind() == CourseKind.THEORY) ? form.getLevel().name() : null);
		values.put("title", title);
		values.put("provider", provider);
		values.put("startsOn", startsOn);
		values.put("endsOn", endsOn);
		values.put("mode", form.getMode().name());
		return values;
	}

	private static Map<String, @Nullable Object> values(Map<String, @Nullable Object> values) {
		var state = new LinkedHashMap<>(values);
		state.remove("committee");
		return state;
	}

	private static @Nullable String note(@Nullable String note) {
		var text = VietnameseText.cleanOrNull(note);
		if (text != null && text.length() > 500) {
			throw new BusinessRuleException("note", "training.text.size");
		}
		return text;
	}

	static void requireManager(CurrentUser user) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("training");
		}
	}

}
