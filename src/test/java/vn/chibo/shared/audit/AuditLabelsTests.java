package vn.chibo.shared.audit;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The audit trail speaks words: every kind of record and every action the code records
 * has its label, and what the trail holds shows its fields by label, codes by the
 * screens' labels and dates as dd/MM/yyyy.
 */
@ChiboTest
class AuditLabelsTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Pattern RECORD = Pattern.compile("audit\\.record\\(");

	private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern TYPE_CONSTANT = Pattern.compile("AUDIT_TYPE = \"([^\"]+)\"");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z][A-Za-z]*");

	/** Fields whose values are the organisation's own codes, shown as they are. */
	private static final Set<String> OWN_CODES = Set.of("organization.code", "member.cardNo", "member.dossierNo");

	@Autowired
	AuditLabels labels;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoUsers demo;

	@Test
	void everyRecordedActionHasItsLabel() throws IOException {
		var sources = sources();
		var constants = new HashMap<String, String>();
		sources.forEach((path, text) -> {
			var found = TYPE_CONSTANT.matcher(text);
			if (found.find()) {
				constants.put(path.getFileName().toString().replace(".java", ""), found.group(1));
			}
		});
		var missing = new TreeSet<String>();
		var seen = new TreeSet<String>();
		sources.forEach((path, text) -> {
			var call = RECORD.matcher(text);
			while (call.find()) {
				var args = arguments(text, call.end());
				var type = type(args.get(2), path, constants);
				var action = args.get(4);
				// Of a choice (a ? "x" : "y"), the actions are the outcomes, not the
				// condition.
				var actions = literals(action.contains("?") ? action.substring(action.indexOf('?')) : action);
				if (actions.isEmpty() && IDENTIFIER.matcher(action).matches()) {
					actions = passedTo(sources, path, enclosingMethod(text, call.start(), action));
				}
				assertThat(actions).as("the action recorded in %s at %s", path, args).isNotEmpty();
				for (var name : actions) {
					seen.add(type + "." + name);
					if (labels.action(type, name).equals(name)) {
						missing.add("audit.action." + name + " (" + type + ", " + path.getFileName() + ")");
					}
				}
				if (labels.type(type).equals(type)) {
					missing.add("audit.type." + type);
				}
			}
		});
		assertThat(seen).hasSizeGreaterThan(100);
		assertThat(missing).isEmpty();
	}

	@Test
	void theTrailShowsFieldsCodesAndDatesInWords() {
		var committee = demo.user("vanphong").committeeId();
		var problems = new TreeSet<String>();
		var rows = jdbc.sql("select entity_type, before_state, after_state from audit_event where committee_id = :c")
			.param("c", committee)
			.query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getString(2)),
					String.valueOf(rs.getString(3))))
			.list();
		assertThat(rows).hasSizeGreaterThan(1000);
		for (var row : rows) {
			var type = row.get(0);
			for (var state : List.of(row.get(1), row.get(2))) {
				if (state.equals("null")) {
					continue;
				}
				Map<String, Object> fields = json.readValue(state, new TypeReference<Map<String, Object>>() {
				});
				fields.forEach((field, value) -> {
					if (labels.field(type, field).equals(field)) {
						problems.add("field " + type + "." + field);
					}
					var shown = labels.value(type, field, value);
					// A code alone, or a code leading a value ("YEAR 2025").
					if (!OWN_CODES.contains(type + "." + field) && Pattern.matches("[A-Z][A-Z0-9_]+( \\S+)?", shown)) {
						problems.add("code " + type + "." + field + " = " + shown);
					}
					// "null" for nothing, or a code written as a word ("minuteTaker").
					if (shown.equals("null") || Pattern.matches("[a-z]+[A-Z]\\w*(\\+\\w+)?", shown)) {
						problems.add("word " + type + "." + field + " = " + shown);
					}
					if (Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(shown).find()) {
						problems.add("date " + type + "." + field + " = " + shown);
					}
				});
			}
		}
		assertThat(problems).isEmpty();
		// Who signed the minutes, and a target not reviewed before.
		assertThat(labels.value("meeting", "as", "chair+minuteTaker")).isNotEqualTo("chair+minuteTaker");
		assertThat(labels.value("meeting", "met", "null")).isNotEqualTo("null");
	}

	@Test
	void aMembersTrailReadsInVietnamese() throws UnsupportedEncodingException {
		var office = demo.user("vanphong");
		var member = jdbc.sql(
				"select entity_id from audit_event where committee_id = :c and entity_type = 'member' and action = 'create' "
						+ "and after_state ->> 'gender' = 'MALE' and after_state ->> 'status' = 'PROBATIONARY' limit 1")
			.param("c", office.committeeId())
			.query(Long.class)
			.single();
		var page = text(mvc.get().uri("/members/{id}", member).with(user(office)).header("Accept-Language", "vi"));
		assertThat(page).contains("Đảng viên: Thêm mới", "Giới tính: — → Nam", "Tình trạng: — → Dự bị")
			.doesNotContain("MALE", "PROBATIONARY", " create", "#" + member)
			.containsPattern("Ngày sinh: — → \\d{2}/\\d{2}/\\d{4}");
		var trail = text(mvc.get().uri("/audit?type=member").with(user(office)).header("Accept-Language", "vi"));
		assertThat(trail).contains("Đảng viên: Phân công chức vụ").doesNotContain("assignPost", "COMMITTEE_SECRETARY");
	}

	private static String text(MockMvcTester.MockMvcRequestBuilder request) throws UnsupportedEncodingException {
		var result = request.exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).text();
	}

	private static Map<Path, String> sources() throws IOException {
		var sources = new TreeMap<Path, String>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				sources.put(file, Files.readString(file));
			}
		}
		return sources;
	}

	/** The top-level arguments of the call whose parenthesis opens just before start. */
	private static List<String> arguments(String text, int start) {
		var args = new ArrayList<String>();
		var current = new StringBuilder();
		var depth = 0;
		var quoted = false;
		for (var i = start; i < text.length(); i++) {
			var c = text.charAt(i);
			if (c == '"' && text.charAt(i - 1) != '\\') {
				quoted = !quoted;
			}
			if (!quoted && (c == '(' || c == '[' || c == '{')) {
				depth++;
			}
			if (!quoted && (c == ')' || c == ']' || c == '}')) {
				if (depth == 0) {
					args.add(current.toString().strip());
					return args;
				}
				depth--;
			}
			if (!quoted && c == ',' && depth == 0) {
				args.add(current.toString().strip());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		throw new IllegalStateException("unclosed call");
	}

	private static String type(String argument, Path path, Map<String, String> constants) {
		var literal = literals(argument);
		if (!literal.isEmpty()) {
			return literal.getFirst();
		}
		var owner = argument.contains(".") ? argument.substring(0, argument.indexOf('.'))
				: path.getFileName().toString().replace(".java", "");
		assertThat(constants).as("the audit type %s in %s", argument, path).containsKey(owner);
		return constants.get(owner);
	}

	private static List<String> literals(String expression) {
		var found = new ArrayList<String>();
		Matcher literal = LITERAL.matcher(expression);
		while (literal.find()) {
			found.add(literal.group(1));
		}
		return found;
	}

	/**
	 * The method around the call whose parameter names the action, and the parameter's
	 * place.
	 */
	private static Helper enclosingMethod(String text, int at, String parameter) {
		var declaration = Pattern
			.compile("(?:private|public|protected|static|\\s)\\s[\\w<>, ]+\\s(\\w+)\\(([^)]*)\\)\\s*\\{");
		var found = declaration.matcher(text.substring(0, at));
		Helper helper = null;
		while (found.find()) {
			var params = found.group(2).split(",(?![^<]*>)");
			for (var i = 0; i < params.length; i++) {
				if (params[i].strip().endsWith(" " + parameter)) {
					helper = new Helper(found.group(1), i, params.length);
				}
			}
		}
		assertThat(helper).as("the method taking %s", parameter).isNotNull();
		return helper;
	}

	/**
	 * The literals passed to the helper at its place, by calls in the helper's package.
	 */
	private static List<String> passedTo(Map<Path, String> sources, Path path, Helper helper) {
		var found = new ArrayList<String>();
		var call = Pattern.compile("[\\s.(!]" + helper.name() + "\\(");
		sources.forEach((other, text) -> {
			if (!other.getParent().equals(path.getParent())) {
				return;
			}
			var calls = call.matcher(text);
			while (calls.find()) {
				var args = arguments(text, calls.end());
				if (args.size() == helper.arity()) {
					found.addAll(literals(args.get(helper.place())));
				}
			}
		});
		return found;
	}

	private record Helper(String name, int place, int arity) {
	}

}
