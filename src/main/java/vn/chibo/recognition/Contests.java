package vn.chibo.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.PersonName;
import vn.chibo.shared.text.VietnameseText;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * Contests (hội thi; docs/domain.md §11): the committee's own and those it enters at the
 * superior's. A contest runs in rounds; members and organisations enter it; judges score
 * each entry on the contest's criteria; the office moves entries on to the next round and
 * gives the prizes, each recorded as an award so it shows on the winner's page. Every
 * member of the committee reads the contests and their rankings ({@link ContestQueries});
 * the office runs them.
 */
@Service
@Transactional
public class Contests {

	static final String AUDIT_TYPE = "contest";

	static final int MAX_ROUNDS = 10;

	static final int MAX_CRITERIA = 20;

	static final int MAX_JUDGES = 20;

	private final JdbcClient jdbc;

	private final Awards awards;

	private final ContestQueries queries;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final MessageSource messages;

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	Contests(JdbcClient jdbc, Awards awards, ContestQueries queries, MemberQueries members,
			OrganizationQueries organizations, AuditTrail audit, Clock clock, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
		this.jdbc = jdbc;
		this.awards = awards;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** A criterion and the most a judge may give on it. */
	public record Criterion(String name, BigDecimal maxScore) {

		/** The maximum as Vietnamese write it: 10, 5,5. */
		public String maxText() {
			return maxScore.stripTrailingZeros().toPlainString().replace('.', ',');
		}

	}

	/** What a new contest is made of, from the page's form or the API. */
	public record Draft(@Nullable String title, @Nullable String organiser, @Nullable LocalDate heldFrom,
			@Nullable LocalDate heldTo, @Nullable String description, @Nullable List<String> rounds,
			@Nullable List<Criterion> criteria, @Nullable List<String> judges) {
	}

	public record ContestRow(long id, String title, String organiser, LocalDate heldFrom, LocalDate heldTo, int entries,
			int prizes) {
	}

	/**
	 * An entry with its total in each round it was scored in ({@code null} where it was
	 * not), its rank in the contest and its prize.
	 */
	public record EntryRow(long id, @Nullable Long memberId, @Nullable Long organizationId, String entrantName,
			long branchId, String branchName, @Nullable String work, int reached, List<@Nullable BigDecimal> totals,
			@Nullable Integer rank, @Nullable ContestPrize prize, boolean scored) {

		public @Nullable BigDecimal total() {
			return totals.get(reached - 1);
		}

	}

	public record Contest(long id, String title, String organiser, LocalDate heldFrom, LocalDate heldTo,
			@Nullable String description, List<String> rounds, List<Criterion> criteria, List<String> judges,
			List<EntryRow> ranking, int version) {

		public boolean scored() {
			return ranking.stream().anyMatch(EntryRow::scored);
		}

	}

	public long create(CurrentUser user, Draft draft) {
		Awards.requireManager(user);
		var title = required(draft.title(), "title");
		var organiser = required(draft.organiser(), "organiser");
		var from = draft.heldFrom();
		var to = draft.heldTo();
		if (from == null) {
			throw new BusinessRuleException("heldFrom", "contest.heldFrom.required");
		}
		if (to == null) {
			to = from;
		}
		if (from.getYear() < 1930 || from.isAfter(LocalDate.now(clock).plusYears(2))) {
			throw new BusinessRuleException("heldFrom", "contest.heldFrom.range");
		}
		if (to.isBefore(from) || to.isAfter(from.plusYears(2))) {
			throw new BusinessRuleException("heldTo", "contest.heldTo.range");
		}
		var rounds = lines(draft.rounds(), "rounds", MAX_ROUNDS);
		if (rounds.isEmpty()) {
			throw new BusinessRuleException("rounds", "contest.rounds.required");
		}
		var judges = lines(draft.judges(), "judges", MAX_JUDGES);
		var criteria = (draft.criteria() != null) ? draft.criteria() : List.<Criterion>of();
		if (criteria.size() > MAX_CRITERIA) {
			throw new BusinessRuleException("criteria", "contest.criteria.tooMany", MAX_CRITERIA);
		}
		var id = jdbc.sql("""
				insert into contest (committee_id, title, organiser, held_from, held_to, description, created_by)
				values (:committee, :title, :organiser, :from, :to, :description, :by) returning id
				""")
			.param("committee", user.committeeId())
			.param("title", title)
			.param("organiser", organiser)
			.param("from", from)
			.param("to", to)
			.param("description", VietnameseText.paragraphs(draft.description()))
			.param("by", user.username())
			.query(Long.class)
			.single();
		for (var i = 0; i < rounds.size(); i++) {
			jdbc.sql("insert into contest_round values (:committee, :contest, :position, :name)")
				.param("committee", user.committeeId())
				.param("contest", id)
				.param("position", i + 1)
				.param("name", rounds.get(i))
				.update();
		}
		var criterionNames = new ArrayList<String>();
		for (var i = 0; i < criteria.size(); i++) {
			var criterion = criteria.get(i);
			var name = VietnameseText.cleanOrNull(criterion.name());
			if (name == null || name.length() > 200) {
				throw new BusinessRuleException("criteria", "contest.criteria.name", i + 1);
			}
			var max = criterion.maxScore();
			if (max == null || max.signum() <= 0 || max.compareTo(BigDecimal.valueOf(1000)) > 0 || max.scale() > 2) {
				throw new BusinessRuleException("criteria", "contest.criteria.max", i + 1, name);
			}
			jdbc.sql("insert into contest_criterion values (:committee, :contest, :position, :name, :max)")
				.param("committee", user.committeeId())
				.param("contest", id)
				.param("position", i + 1)
				.param("name", name)
				.param("max", max)
				.update();
			criterionNames.add(name + " (" + max.stripTrailingZeros().toPlainString() + ")");
		}
		for (var i = 0; i < judges.size(); i++) {
			jdbc.sql("insert into contest_judge values (:committee, :contest, :position, :name)")
				.param("committee", user.committeeId())
				.param("contest", id)
				.param("position", i + 1)
				.param("name", judges.get(i))
				.update();
		}
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("title", title);
		state.put("organiser", organiser);
		state.put("heldFrom", from);
		state.put("heldTo", to);
		state.put("rounds", String.join("; ", rounds));
		state.put("criteria", String.join("; ", criterionNames));
		state.put("judges", String.join("; ", judges));
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, state);
		return id;
	}

	/** Enters a member or an organisation (a branch's or the committee's team). */
	public long enter(CurrentUser user, long contestId, @Nullable Long memberId, @Nullable Long organizationId,
			@Nullable String work) {
		Awards.requireManager(user);
		var contest = queries.contest(user, contestId);
		Long member = null;
		Long organization = null;
		String name;
		long branch;
		if (memberId != null) {
			var m = members.find(user.committeeId(), memberId)
				.filter((found) -> organizations.isVisible(user, found.branchId()))
				.orElseThrow(() -> new BusinessRuleException("memberId", "recognition.member.notFound"));
			member = m.id();
			name = m.fullName();
			branch = m.branchId();
		}
		else if (organizationId != null) {
			var o = organizations.find(user.committeeId(), organizationId)
				.filter((found) -> organizations.isVisible(user, found.id()))
				.orElseThrow(() -> new BusinessRuleException("organizationId", "recognition.organization.notFound"));
			organization = o.id();
			name = o.name();
			branch = o.id();
		}
		else {
			throw new BusinessRuleException("memberId", "recognition.recipient.required");
		}
		var text = VietnameseText.paragraphs(work);
		if (text != null && text.length() > 300) {
			throw new BusinessRuleException("work", "recognition.text.size");
		}
		// An entrant entered already: no row, and the transaction stays usable.
		var entrant = (member != null) ? "memberId" : "organizationId";
		var id = jdbc.sql("""
				insert into contest_entry (committee_id, contest_id, member_id, organization_id, entrant_name,
				branch_id, work, created_by) values (:committee, :contest, :member, :org, :name, :branch, :work, :by)
				on conflict do nothing returning id
				""")
			.param("committee", user.committeeId())
			.param("contest", contestId)
			.param("member", member)
			.param("org", organization)
			.param("name", name)
			.param("branch", branch)
			.param("work", text)
			.param("by", user.username())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException(entrant, "contest.entry.taken", name));
		touch(user, contestId, contest.version());
		var state = new LinkedHashMap<String, @Nullable Object>();
		state.put("entrant", name);
		state.put("work", text);
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, contestId, "enter", null, state);
		return id;
	}

	/** An entry made by mistake, while it holds no score and no prize. */
	public void withdraw(CurrentUser user, long contestId, long entryId) {
		Awards.requireManager(user);
		var contest = queries.contest(user, contestId);
		var entry = entry(contest, entryId);
		if (entry.scored() || entry.prize() != null) {
			throw new BusinessRuleException("", "contest.entry.scored", entry.entrantName());
		}
		jdbc.sql("delete from contest_entry where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", entryId)
			.update();
		touch(user, contestId, contest.version());
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, contestId, "withdraw",
				Map.of("entrant", entry.entrantName()), null);
	}

	/**
	 * Gives the prizes of the decision: each recorded as an award to the entrant, with
	 * the contest's organiser as issuer. A prize given is final here; an award entered by
	 * mistake is removed from the awards, which frees the entry again.
	 */
	public int givePrizes(CurrentUser user, long contestId, Map<Long, ContestPrize> prizes, @Nullable String decisionNo,
			@Nullable LocalDate decidedOn) {
		Awards.requireManager(user);
		var contest = queries.contest(user, contestId);
		if (decidedOn == null) {
			throw new BusinessRuleException("decidedOn", "recognition.decidedOn.required");
		}
		if (decidedOn.isBefore(contest.heldFrom())) {
			throw new BusinessRuleException("decidedOn", "contest.decidedOn.beforeContest");
		}
		var given = 0;
		for (var entry : contest.ranking()) {
			var prize = prizes.get(entry.id());
			if (prize == null || entry.prize() == prize) {
				continue;
			}
			if (entry.prize() != null) {
				throw new BusinessRuleException("", "contest.prize.given", entry.entrantName());
			}
			var form = new AwardForm();
			form.setKind(AwardKind.PRIZE);
			form.setTitle(prizeTitle(prize, contest.title()));
			form.setIssuer(contest.organiser());
			form.setDecisionNo(decisionNo);
			form.setDecidedOn(decidedOn);
			form.setMemberId(entry.memberId());
			form.setOrganizationId(entry.organizationId());
			form.setReason(entry.work());
			var award = awards.record(user, form);
			jdbc.sql(
					"""
							update contest_entry set prize = :prize, award_id = :award where committee_id = :committee and id = :id
							""")
				.param("prize", prize.name())
				.param("award", award)
				.param("committee", user.committeeId())
				.param("id", entry.id())
				.update();
			audit.record(user.committeeId(), user.username(), AUDIT_TYPE, contestId, "prize", null,
					Map.of("entrant", entry.entrantName(), "prize", prize.name()));
			given++;
		}
		if (prizes.keySet().stream().anyMatch((id) -> contest.ranking().stream().noneMatch((e) -> e.id() == id))) {
			throw new NotFoundException();
		}
		if (given > 0) {
			touch(user, contestId, contest.version());
		}
		return given;
	}

	/** A contest entered by mistake, while none of its prizes is given. */
	public void remove(CurrentUser user, long contestId) {
		Awards.requireManager(user);
		var contest = queries.contest(user, contestId);
		if (contest.ranking().stream().anyMatch((e) -> e.prize() != null)) {
			throw new BusinessRuleException("", "contest.prize.blocksDelete");
		}
		jdbc.sql("delete from contest where committee_id = :committee and id = :id")
			.param("committee", user.committeeId())
			.param("id", contestId)
			.update();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, contestId, "delete",
				Map.of("title", contest.title()), null);
	}

	/**
	 * The award's title, "Giải Nhất Hội thi …": kept in the committee's language, as the
	 * decision writes it.
	 */
	private String prizeTitle(ContestPrize prize, String contest) {
		return messages.getMessage("contest.prize.award",
				new Object[] { messages.getMessage("contest.prize." + prize.name(), null, VIETNAMESE), contest },
				VIETNAMESE);
	}

	/**
	 * Another change of the contest since it was read fails instead of mixing with it.
	 */
	void touch(CurrentUser user, long contestId, int version) {
		var changed = jdbc
			.sql("""
					update contest set version = version + 1 where committee_id = :committee and id = :id and version = :version
					""")
			.param("committee", user.committeeId())
			.param("id", contestId)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new BusinessRuleException("", "contest.conflict");
		}
	}

	private static EntryRow entry(Contest contest, long entryId) {
		return contest.ranking()
			.stream()
			.filter((e) -> e.id() == entryId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
	}

	private static List<String> lines(@Nullable List<String> given, String field, int max) {
		var kept = new ArrayList<String>();
		for (var line : (given != null) ? given : List.<String>of()) {
			var cleaned = VietnameseText.cleanOrNull(line);
			if (cleaned == null) {
				continue;
			}
			if (cleaned.length() > 200) {
				throw new BusinessRuleException(field, "contest.line.size", kept.size() + 1);
			}
			kept.add(cleaned);
		}
		if (kept.size() > max) {
			throw new BusinessRuleException(field, "contest." + field + ".tooMany", max);
		}
		if (Set.copyOf(kept).size() < kept.size()) {
			throw new BusinessRuleException(field, "contest.line.twice");
		}
		return kept;
	}

	private static String required(@Nullable String value, String field) {
		var cleaned = VietnameseText.cleanOrNull(value);
		if (cleaned == null) {
			throw new BusinessRuleException(field, "contest." + field + ".required");
		}
		if (cleaned.length() > 300) {
			throw new BusinessRuleException(field, "recognition.text.size");
		}
		return cleaned;
	}

}
