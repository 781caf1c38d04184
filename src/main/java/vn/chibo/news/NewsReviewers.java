package vn.chibo.news;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.PersonName;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.news.desk.NewsService;

/**
 * Who reviews and publishes the news : the committee office and the administrator, and
 * the members the office names (a propaganda officer, an editor). The office names and
 * removes them; both are audited.
 */
@Service
@Transactional
public class NewsReviewers {

	private final JdbcClient jdbc;

	private final MemberQueries members;

	private final AuditTrail audit;

	NewsReviewers(JdbcClient jdbc, MemberQueries members, AuditTrail audit) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
	}

	/** A named reviewer and their branch. */
	public record Reviewer(long memberId, String fullName, String branchName) {
	}

	@Transactional(readOnly = true)
	public boolean reviews(CurrentUser user) {
		if (user.role().managesStructure()) {
			return true;
		}
		var memberId = user.memberId();
		return memberId != null
				&& jdbc.sql("select exists (select 1 from news_reviewer where committee_id = :c and member_id = :m)")
					.param("c", user.committeeId())
					.param("m", memberId)
					.query(Boolean.class)
					.single();
	}

	/** The named reviewers, by given name (docs/domain.md §18). */
	@Transactional(readOnly = true)
	public List<Reviewer> list(long committeeId) {
		return jdbc.sql("select member_id from news_reviewer where committee_id = :c")
			.param("c", committeeId)
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> members.find(committeeId, id).orElseThrow())
			.map((m) -> new Reviewer(m.id(), m.fullName(), m.branchName()))
			.sorted(Comparator.comparing((Reviewer r) -> PersonName.parse(r.fullName()), PersonName.LIST_ORDER))
			.toList();
	}

	public void name(CurrentUser office, long memberId) {
		requireOffice(office);
		var member = members.find(office.committeeId(), memberId).orElseThrow(NotFoundException::new);
		if (!member.status().active()) {
			throw new BusinessRuleException("memberId", "news.reviewer.inactive", member.fullName());
		}
		var added = jdbc.sql("""
				insert into news_reviewer (committee_id, member_id, named_by) values (:c, :m, :by)
				on conflict do nothing
				""").param("c", office.committeeId()).param("m", memberId).param("by", office.username()).update();
		if (added > 0) {
			audit.record(office.committeeId(), office.username(), NewsService.AUDIT_TYPE, null, "nameReviewer", null,
					Map.of("memberId", memberId, "fullName", member.fullName()));
		}
	}

	public void remove(CurrentUser office, long memberId) {
		requireOffice(office);
		var removed = jdbc.sql("delete from news_reviewer where committee_id = :c and member_id = :m")
			.param("c", office.committeeId())
			.param("m", memberId)
			.update();
		if (removed > 0) {
			audit.record(office.committeeId(), office.username(), NewsService.AUDIT_TYPE, null, "removeReviewer",
					Map.of("memberId", memberId), null);
		}
	}

	private static void requireOffice(CurrentUser user) {
		if (!user.role().managesStructure()) {
			throw new AccessDeniedException("news reviewers");
		}
	}

}
