package vn.chibo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

/**
 * The committee's terms (nhiệm kỳ, docs/domain.md §3): five years from one congress to
 * the next, recorded by the office so that the term report knows its years and the term
 * before it.
 */
@Service
@Transactional
public class Terms {

	static final String AUDIT_TYPE = "partyTerm";

	/** A term over its calendar years, "2020–2025". */
	public record Term(long id, int firstYear, int lastYear, @Nullable LocalDate congressOn) {

		public String period() {
			return firstYear + "-" + lastYear;
		}

		public String label() {
			return firstYear + "–" + lastYear;
		}

	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Terms(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The committee's terms, latest first. */
	@Transactional(readOnly = true)
	public List<Term> list(long committeeId) {
		return jdbc.sql("""
				select id, first_year, last_year, congress_on from party_term where committee_id = :c
				order by first_year desc
				""")
			.param("c", committeeId)
			.query((rs, n) -> new Term(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getObject(4, LocalDate.class)))
			.list();
	}

	/**
	 * The term asked for, or the latest one over by now (the one a congress reports on),
	 * or the latest at all.
	 */
	@Transactional(readOnly = true)
	public Term shown(long committeeId, @Nullable Long id) {
		var terms = list(committeeId);
		if (id != null) {
			return terms.stream().filter((t) -> t.id() == id).findFirst().orElseThrow(NotFoundException::new);
		}
		var year = LocalDate.now(clock).getYear();
		return terms.stream()
			.filter((t) -> t.lastYear() < year)
			.findFirst()
			.or(() -> terms.stream().findFirst())
			.orElseThrow(() -> new BusinessRuleException("firstYear", "term.none"));
	}

	/** The term before this one: the latest that ends by the year this one starts. */
	@Transactional(readOnly = true)
	public @Nullable Term before(long committeeId, Term term) {
		return list(committeeId).stream()
			.filter((t) -> t.lastYear() <= term.firstYear() && t.id() != term.id())
			.findFirst()
			.orElse(null);
	}

	/** The office records a term; terms do not overlap beyond the congress year. */
	public long add(CurrentUser user, TermForm form) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("terms");
		}
		var first = form.getFirstYear();
		var last = form.getLastYear();
		if (first == null || first < 1930 || first > 2100) {
			throw new BusinessRuleException("firstYear", "term.year.range");
		}
		if (last == null || last <= first || last - first > 10) {
			throw new BusinessRuleException("lastYear", "term.years");
		}
		var congress = form.getCongressOn();
		if (congress != null && (congress.getYear() < first - 1 || congress.getYear() > first)) {
			throw new BusinessRuleException("congressOn", "term.congress");
		}
		for (var t : list(user.committeeId())) {
			if (first < t.lastYear() && last > t.firstYear()) {
				throw new BusinessRuleException("firstYear", "term.overlap", t.label());
			}
		}
		var id = jdbc
			.sql("""
					insert into party_term (committee_id, first_year, last_year, congress_on) values (:c, :first, :last, :on)
					returning id
					""")
			.param("c", user.committeeId())
			.param("first", first)
			.param("last", last)
			.param("on", congress)
			.query(Long.class)
			.single();
		audit.record(user.committeeId(), user.username(), AUDIT_TYPE, id, "create", null, Map.of("firstYear", first,
				"lastYear", last, "congressOn", (congress != null) ? congress.toString() : ""));
		return id;
	}

}
