package vn.chibo.classification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * What the superior committee's observer reads of the year's classification
 * (docs/domain.md §3 roles, §7): for each grassroots committee under it, the level its
 * superior decided, its branches and its members by level — counts only, read only.
 */
@Component
@Transactional(readOnly = true)
public class SuperiorOverview {

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	SuperiorOverview(JdbcClient jdbc, OrganizationQueries organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	public record CommitteeYear(long committeeId, String name, @Nullable ReviewLevel level, @Nullable String decisionNo,
			Map<ReviewLevel, Integer> branches, Map<ReviewLevel, Integer> members) {
	}

	public List<CommitteeYear> year(CurrentUser user, int year) {
		if (user.role() != Role.OBSERVER) {
			throw new AccessDeniedException("superior overview");
		}
		var rows = new ArrayList<CommitteeYear>();
		for (var committee : organizations.committeesUnder(user.committeeId())) {
			var own = jdbc.sql("""
					select final_level, decision_no from organization_review
					where committee_id = :committee and year = :year and by_superior
					""")
				.param("committee", committee.id())
				.param("year", year)
				.query((rs, n) -> new Object[] { ReviewLevel.parse(rs.getString(1)), rs.getString(2) })
				.optional()
				.orElse(new Object[] { null, null });
			rows.add(new CommitteeYear(committee.id(), committee.name(), (ReviewLevel) own[0], (String) own[1],
					counts("organization_review", committee.id(), year, "and not by_superior"),
					counts("member_review", committee.id(), year, "")));
		}
		return rows;
	}

	private Map<ReviewLevel, Integer> counts(String table, long committeeId, int year, String where) {
		var counts = new EnumMap<ReviewLevel, Integer>(ReviewLevel.class);
		for (var level : ReviewLevel.values()) {
			counts.put(level, 0);
		}
		jdbc.sql("select final_level, count(*) from " + table + """
				 where committee_id = :committee and year = :year and final_level is not null
				""" + where + " group by final_level")
			.param("committee", committeeId)
			.param("year", year)
			.query((rs, n) -> counts.put(ReviewLevel.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return counts;
	}

}
