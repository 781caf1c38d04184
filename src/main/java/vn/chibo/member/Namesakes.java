package vn.chibo.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chibo.shared.sql.SqlArrays;

/**
 * How people are told apart where one is chosen from a list (a preparer, a chair, a
 * task's assignee): by full name, and where two in the list share it, by year of birth as
 * well — then by Party card number if even that is shared.
 */
@Service
@Transactional(readOnly = true)
public class Namesakes {

	private final JdbcClient jdbc;

	Namesakes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Person(long id, String fullName, @Nullable LocalDate born, @Nullable String cardNo) {
	}

	/** Each member's label among the others given, by id. */
	public Map<Long, String> labels(long committeeId, Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		var people = jdbc.sql("""
				select id, full_name, date_of_birth, card_no from member
				where committee_id = :committee and id = any(cast(:ids as bigint[]))
				""")
			.param("committee", committeeId)
			.param("ids", SqlArrays.ids(memberIds))
			.query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4)))
			.list();
		return labels(people);
	}

	private static Map<Long, String> labels(List<Person> people) {
		var byName = people.stream().collect(Collectors.groupingBy((p) -> p.fullName().toLowerCase()));
		var labels = new HashMap<Long, String>();
		for (var same : byName.values()) {
			for (var person : same) {
				if (same.size() == 1) {
					labels.put(person.id(), person.fullName());
					continue;
				}
				var year = (person.born() != null) ? String.valueOf(person.born().getYear()) : "?";
				var sameYear = same.stream()
					.filter((p) -> p.born() != null && person.born() != null
							&& p.born().getYear() == person.born().getYear())
					.count() > 1;
				var detail = (sameYear && person.cardNo() != null) ? year + ", " + person.cardNo() : year;
				labels.put(person.id(), person.fullName() + " (" + detail + ")");
			}
		}
		return labels;
	}

}
