package vn.chibo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table belongs to one module (docs/architecture.md), and no module's SQL names a
 * table of another: a module reads another's data through its published queries. Every
 * table the migrations create has an owner here, and every SQL string in
 * {@code src/main/java} is checked against it.
 */
class TableOwnershipTests {

	/** The owner of each table, by exact name or by prefix ending in '*'. */
	static final Map<String, String> OWNERS = owners();

	private static final Pattern STRING = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\n]|\\\\.)*)\"");

	private static final Pattern CREATED = Pattern.compile("(?i)create (?:table|view) (?:if not exists )?([a-z_]+)");

	/**
	 * Read models a module publishes for the others to join (docs/architecture.md): the
	 * organisation's {@code org_unit} names the units of its tree, the member module's
	 * {@code member_name} its members.
	 */
	static final Set<String> PUBLISHED = Set.of("org_unit", "member_name");

	private static final Pattern NAMED = Pattern
		.compile("(?i)\\b(?:from|join|into|update|delete from|references)\\s+([a-z_]+)\\b");

	private static Map<String, String> owners() {
		var owners = new LinkedHashMap<String, String>();
		// committee_setting: split by owner into meeting_reminder_setting and
		// evaluation_setting
		// (V50)
		for (var table : new String[] { "committee", "organization", "org_unit", "committee_setting" }) {
			owners.put(table, "organization");
		}
		for (var table : new String[] { "member", "member_name", "member_history", "member_post", "member_transfer",
				"member_import_*", "member_tally" }) {
			owners.put(table, "member");
		}
		for (var table : new String[] { "meeting_score*", "rubric", "score_*", "evaluation_setting" }) {
			owners.put(table, "evaluation");
		}
		for (var table : new String[] { "meeting", "meeting_*", "resolution_target", "minutes_amendment",
				"calendar_feed" }) {
			owners.put(table, "meeting");
		}
		for (var table : new String[] { "member_review*", "organization_review*", "review_rule_set" }) {
			owners.put(table, "classification");
		}
		owners.put("notification", "notification");
		owners.put("mail_outbox", "notification");
		owners.put("news_*", "news");
		owners.put("library_*", "library");
		owners.put("study_*", "study");
		owners.put("training_*", "training");
		owners.put("award", "recognition");
		owners.put("contest*", "recognition");
		for (var table : new String[] { "inspection*", "discipline_case", "complaint", "supervision_*" }) {
			owners.put(table, "inspection");
		}
		owners.put("report_text", "report");
		owners.put("party_term", "report");
		owners.put("app_user", "account");
		owners.put("password_reset", "account");
		for (var table : new String[] { "audit_event", "signing_key", "event_publication", "spring_session*" }) {
			owners.put(table, "shared");
		}
		return owners;
	}

	/** The module owning a table; the more specific entries come first. */
	static String owner(String table) {
		for (var entry : OWNERS.entrySet()) {
			var key = entry.getKey();
			if (key.endsWith("*") ? table.startsWith(key.substring(0, key.length() - 1)) : table.equals(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/** The text of the source's string literals and text blocks: where its SQL is. */
	static String strings(String source) {
		var text = new StringBuilder();
		var literal = STRING.matcher(source);
		while (literal.find()) {
			// a separator no SQL keyword reads across: "… for update" then the
			// parameter "committee" is not a table named committee
			text.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append("\n;\n");
		}
		return text.toString();
	}

	@Test
	void everyTableHasAnOwner() throws IOException {
		var orphans = new TreeSet<String>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (var file : files.toList()) {
				var created = CREATED.matcher(Files.readString(file));
				while (created.find()) {
					if (owner(created.group(1).toLowerCase()) == null) {
						orphans.add(created.group(1));
					}
				}
			}
		}
		assertThat(orphans).isEmpty();
	}

	@Test
	void noModuleNamesAnotherModulesTable() throws IOException {
		var crossings = new TreeSet<String>();
		var root = Path.of("src/main/java/vn/chibo");
		try (Stream<Path> files = Files.walk(root)) {
			for (var file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				var relative = root.relativize(file);
				var module = relative.getName(0).toString();
				if (relative.getNameCount() == 1 || module.equals("demo")) {
					continue;
				}
				crossings.addAll(crossings(module, file.getFileName().toString(), Files.readString(file)));
			}
		}
		assertThat(crossings).isEmpty();
	}

	@Test
	void theScanFindsACrossingAndNotAParameterName() {
		var source = """
				jdbc.sql("select g.id, o.name from meeting g join organization o on o.id = g.branch_id for update")
					.param("committee", id);
				jdbc.sql(\"""
						select m.full_name from member_name m
						\""");
				""";
		assertThat(crossings("meeting", "Sample.java", source))
			.containsExactly("meeting -> organization.organization (Sample.java)");
	}

	/** The tables of other modules the SQL in a module's source names. */
	static Set<String> crossings(String module, String fileName, String source) {
		var crossings = new TreeSet<String>();
		var named = NAMED.matcher(strings(source));
		while (named.find()) {
			var table = named.group(1).toLowerCase();
			var owner = owner(table);
			if (owner != null && !owner.equals(module) && !owner.equals("shared") && !PUBLISHED.contains(table)) {
				crossings.add(module + " -> " + owner + "." + table + " (" + fileName + ")");
			}
		}
		return crossings;
	}

}
