package vn.chibo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both message files have the same keys, and no template holds text outside {@code #{…}}:
 * every element with text of its own replaces it (th:text, th:utext, th:replace…), and
 * labelling attributes are th: ones.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
			"th:fragment", "th:errors");

	private static final List<String> LABELS = List.of("placeholder", "title", "alt", "aria-label", "value");

	@Test
	void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
		var english = load("messages.properties");
		var vietnamese = load("messages_vi.properties");
		assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
	}

	@Test
	void noKeyIsWrittenTwice() throws IOException {
		// A second line with the same key silently replaces the first one's text.
		for (var name : List.of("messages.properties", "messages_vi.properties")) {
			var seen = new HashSet<String>();
			var twice = new TreeSet<String>();
			for (var line : Files.readAllLines(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
				if (!line.isBlank() && !line.startsWith("#") && !seen.add(line.substring(0, line.indexOf('=')))) {
					twice.add(line.substring(0, line.indexOf('=')));
				}
			}
			assertThat(twice).as(name).isEmpty();
		}
	}

	@Test
	void eachKeysFirstWordBelongsToOneModulesSection() throws IOException {
		// The bundles are in sections by module ("# ========== … (module meeting)"): all
		// the keys that start with one word (meeting., minutes., superior., …) stay in
		// one section, so a module's texts are found together (docs/architecture.md).
		for (var name : List.of("messages.properties", "messages_vi.properties")) {
			var sectionOf = new HashMap<String, String>();
			var spread = new TreeSet<String>();
			var section = "";
			for (var line : Files.readAllLines(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
				if (line.startsWith("# ==========")) {
					section = line;
				}
				else if (!line.isBlank() && !line.startsWith("#")) {
					assertThat(section).as("%s: %s before the first section", name, line).isNotEmpty();
					var word = line.substring(0, line.indexOf('=')).split("\\.")[0];
					var first = sectionOf.putIfAbsent(word, section);
					if (first != null && !first.equals(section)) {
						spread.add(word + ".* in \"" + first + "\" and \"" + section + "\"");
					}
				}
			}
			assertThat(spread).as(name).isEmpty();
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		var problems = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (var file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				var document = Jsoup.parse(Files.readString(file), "", Parser.htmlParser());
				for (var element : document.getAllElements()) {
					if (replacesOwnText(element) || element.tagName().equals("script")
							|| element.tagName().equals("style")) {
						continue;
					}
					for (var node : element.textNodes()) {
						if (LETTER.matcher(node.text()).find() && !insideReplaced(node)) {
							problems.add(TEMPLATES.relativize(file) + ": text '" + node.text().strip() + "'");
						}
					}
					for (var attribute : LABELS) {
						if (element.hasAttr(attribute) && LETTER.matcher(element.attr(attribute)).find()
								&& !element.tagName().equals("option") && !element.tagName().equals("input")) {
							problems.add(TEMPLATES.relativize(file) + ": attribute " + attribute + "='"
									+ element.attr(attribute) + "'");
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void templateMessageKeysExist() throws IOException {
		var keys = load("messages.properties").stringPropertyNames();
		var missing = new TreeSet<String>();
		var literalKey = Pattern.compile("#\\{([a-zA-Z0-9_.]+)(?:\\(|})");
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (var file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				var matcher = literalKey.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!keys.contains(matcher.group(1))) {
						missing.add(TEMPLATES.relativize(file) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	// A page's <html th:replace="~{layout :: page(…, ~{::main})}"> keeps its <main>: that
	// is not a replacement.
	private static boolean replacesOwnText(Element element) {
		return !element.tagName().equals("html")
				&& element.attributes().asList().stream().anyMatch((a) -> REPLACING.contains(a.getKey()));
	}

	private static boolean insideReplaced(TextNode node) {
		for (var parent = node.parent(); parent instanceof Element element; parent = element.parent()) {
			if (element.tagName().equals("html")) {
				return false;
			}
			if (element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace")) {
				return true;
			}
		}
		return false;
	}

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
