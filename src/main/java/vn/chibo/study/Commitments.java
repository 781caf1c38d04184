package vn.chibo.study;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.sql.SqlArrays;

/**
 * The yearly commitment to study and follow Ho Chi Minh (bản cam kết tu dưỡng, rèn luyện;
 * Chỉ thị 05-CT/TW, docs/domain.md §8): each member writes it during the year and reviews
 * it at the year's end — from 1 November until the end of January [R: our window, when
 * branches hold their year-end review] — and the branch executive gives its opinion on
 * the review. Every change is audited.
 */
@Service
@Transactional
public class Commitments {

	static final String AUDIT_TYPE = "commitment";

	static final int MAX_CHARACTERS = 10_000;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	Commitments(JdbcClient jdbc, MemberQueries members, OrganizationQueries organizations, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	public record Commitment(long id, long memberId, int year, String fullName, long branchId, String branchName,
			String body, OffsetDateTime writtenAt, @Nullable String review, @Nullable OffsetDateTime reviewedAt,
			@Nullable String opinion, @Nullable String opinionBy, int version) {
	}

	/** A member of the branch and the year's commitment, if written. */
	public record Line(long memberId, String fullName, String branchName, @Nullable Commitment commitment) {
	}

	private static final String ROW = """
			select c.*, o.name as branch_name from study_commitment c
			join org_unit o on o.committee_id = c.committee_id and o.id = c.branch_id
			""";

	/** The first day a year's commitment may be reviewed, and the last. */
	public static LocalDate reviewOpens(int year) {
		return LocalDate.of(year, 11, 1);
	}

	public static LocalDate reviewCloses(int year) {
		return LocalDate.of(year + 1, 1, 31);
	}

	@Transactional(readOnly = true)
	public Optional<Commitment> own(CurrentUser user, int year) {
		if (user.memberId() == null) {
			return Optional.empty();
		}
		return jdbc.sql(ROW + " where c.committee_id = :committee and c.member_id = :member and c.year = :year")
			.param("committee", user.committeeId())
			.param("member", user.memberId())
			.param("year", year)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/**
	 * The active members of the branches the user keeps, each with the year's commitment
	 * if written, in list order.
	 */
	@Transactional(readOnly = true)
	public List<Line> branch(CurrentUser user, int year) {
		if (!user.role().gradesReflections()) {
			throw new AccessDeniedException("study");
		}
		var written = new HashMap<Long, Commitment>();
		jdbc.sql(ROW
				+ " where c.committee_id = :committee and c.year = :year and c.branch_id = any(cast(:scope as bigint[]))")
			.param("committee", user.committeeId())
			.param("year", year)
			.param("scope", SqlArrays.ids(organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId())))
			.query((rs, n) -> row(rs))
			.list()
			.forEach((c) -> written.put(c.memberId(), c));
		var date = LocalDate.of(year, 12, 31).isAfter(LocalDate.now(clock)) ? LocalDate.now(clock)
				: LocalDate.of(year, 12, 31);
		return organizations.branches(user)
			.stream()
			.flatMap((b) -> members.rosterOn(user.committeeId(), b.id(), date).stream())
			.map((m) -> new Line(m.id(), m.fullName(), m.branchName(), written.get(m.id())))
			.toList();
	}

	/** Writes or rewrites one's own commitment for the year, until it is reviewed. */
	public long write(CurrentUser user, int year, @Nullable String body, @Nullable Integer version) {
		if (user.memberId() == null) {
			throw new AccessDeniedException("study");
		}
		var today = LocalDate.now(clock);
		if (year < 2000 || year > today.getYear() + 1) {
			throw new BusinessRuleException("year", "commitment.year.range");
		}
		var text = text(body, "body");
		if (text == null) {
			throw new BusinessRuleException("body", "commitment.body.required");
		}
		var existing = own(user, year);
		if (existing.isPresent()) {
			if (existing.get().review() != null) {
				throw new BusinessRuleException("body", "commitment.reviewed");
			}
			var updated = jdbc.sql("""
					update study_commitment set body = :body, written_at = now(), version = version + 1
					where committee_id = :committee and id = :id and version = :version
					""")
				.param("body", text)
				.param("committee", user.committeeId())
				.param("id", existing.get().id())
				.param("version", (version != null) ? version : existing.get().version())
				.update();
			if (updated == 0) {
				throw new ConflictException("error.conflict");
			}
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, existing.get().id(), "write",
					Map.of("year", year), Map.of("year", year, "words", words(text)));
			return existing.get().id();
		}
		var member = members.find(user.committeeId(), user.memberId()).orElseThrow(NotFoundException::new);
		var id = jdbc.sql("""
				insert into study_commitment (committee_id, member_id, year, full_name, branch_id, body)
				values (:committee, :member, :year, :name, :branch, :body) returning id
				""")
			.param("committee", user.committeeId())
			.param("member", member.id())
			.param("year", year)
			.param("name", member.fullName())
			.param("branch", member.branchId())
			.param("body", text)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "write", null,
				Map.of("year", year, "words", words(text)));
		return id;
	}

	/** One's own review of the year's commitment, within the review window. */
	public void review(CurrentUser user, int year, @Nullable String review, @Nullable Integer version) {
		review(user, year, review, version, LocalDate.now(clock));
	}

	void review(CurrentUser user, int year, @Nullable String review, @Nullable Integer version, LocalDate today) {
		var commitment = own(user, year)
			.orElseThrow(() -> new BusinessRuleException("review", "commitment.notWritten"));
		if (today.isBefore(reviewOpens(year)) || today.isAfter(reviewCloses(year))) {
			throw new BusinessRuleException("review", "commitment.review.window", DATE.format(reviewOpens(year)),
					DATE.format(reviewCloses(year)));
		}
		if (commitment.opinion() != null) {
			throw new BusinessRuleException("review", "commitment.opinionGiven");
		}
		var text = text(review, "review");
		if (text == null) {
			throw new BusinessRuleException("review", "commitment.review.required");
		}
		var updated = jdbc.sql("""
				update study_commitment set review = :review, reviewed_at = now(), version = version + 1
				where committee_id = :committee and id = :id and version = :version
				""")
			.param("review", text)
			.param("committee", user.committeeId())
			.param("id", commitment.id())
			.param("version", (version != null) ? version : commitment.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("error.conflict");
		}
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, commitment.id(), "review", null,
				Map.of("year", year, "words", words(text)));
	}

	/** The branch executive's opinion on a member's review. */
	public void opinion(CurrentUser user, long id, @Nullable String opinion) {
		if (!user.role().gradesReflections()) {
			throw new AccessDeniedException("study");
		}
		var commitment = jdbc.sql(ROW + " where c.committee_id = :committee and c.id = :id")
			.param("committee", user.committeeId())
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional()
			.filter((c) -> organizations.isVisible(user, c.branchId()))
			.orElseThrow(NotFoundException::new);
		if (commitment.review() == null) {
			throw new BusinessRuleException("opinion", "commitment.notReviewed", commitment.fullName());
		}
		var text = text(opinion, "opinion");
		if (text == null) {
			throw new BusinessRuleException("opinion", "commitment.opinion.required", commitment.fullName());
		}
		jdbc.sql("""
				update study_commitment set opinion = :opinion, opinion_by = :by, opinion_at = now(),
				version = version + 1 where committee_id = :committee and id = :id
				""")
			.param("opinion", text)
			.param("by", user.username())
			.param("committee", user.committeeId())
			.param("id", id)
			.update();
		var before = new LinkedHashMap<String, @Nullable Object>();
		before.put("member", commitment.fullName());
		before.put("opinion", commitment.opinion());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "opinion", before,
				Map.of("member", commitment.fullName(), "opinion", text));
	}

	private static @Nullable String text(@Nullable String value, String field) {
		var text = VietnameseText.paragraphs(value);
		if (text != null && text.length() > MAX_CHARACTERS) {
			throw new BusinessRuleException(field, "commitment.text.size", MAX_CHARACTERS);
		}
		return text;
	}

	private static int words(String text) {
		return text.split("\\s+").length;
	}

	private static Commitment row(ResultSet rs) throws SQLException {
		return new Commitment(rs.getLong("id"), rs.getLong("member_id"), rs.getInt("year"), rs.getString("full_name"),
				rs.getLong("branch_id"), rs.getString("branch_name"), rs.getString("body"),
				rs.getObject("written_at", OffsetDateTime.class), rs.getString("review"),
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("opinion"), rs.getString("opinion_by"),
				rs.getInt("version"));
	}

}
