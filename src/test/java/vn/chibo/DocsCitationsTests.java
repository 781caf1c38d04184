package vn.chibo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code, templates and messages point to the repository's own documents only: every
 * "docs/domain.md §N" names a section that exists, every other document named is in
 * {@code docs/}, and no file outside the repository nor an issue is cited.
 */
class DocsCitationsTests {

	private static final Pattern SECTION = Pattern.compile("docs/domain\\.md §(\\d+)");

	private static final Pattern DOCUMENT = Pattern.compile("[\\w./-]*\\b[\\w-]+\\.md\\b");

	/** An issue cited as a source: in parentheses, with a colon or with its section. */
	private static final Pattern ISSUE = Pattern.compile("\\(issue\\b|\\bissue:|\\bissue §");

	private static final Pattern HEADING = Pattern.compile("(?m)^## (\\d+)\\. ");

	@Test
	void everyCitationNamesADocumentOfTheRepositoryAndASectionItHas() throws IOException {
		var sections = new TreeSet<String>();
		var headings = HEADING.matcher(Files.readString(Path.of("docs/domain.md")));
		while (headings.find()) {
			sections.add(headings.group(1));
		}
		assertThat(sections).contains("5", "6", "16");
		var problems = new TreeSet<String>();
		var cited = 0;
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main")), Files.walk(Path.of("src/test")))) {
			for (var file : files.filter(Files::isRegularFile)
				.filter((f) -> f.toString().matches(".*\\.(java|html|properties|sql|js|css)$"))
				.toList()) {
				var text = Files.readString(file);
				var section = SECTION.matcher(text);
				while (section.find()) {
					cited++;
					if (!sections.contains(section.group(1))) {
						problems.add(file + ": §" + section.group(1) + " is not a section of docs/domain.md");
					}
				}
				// migrations applied before this rule keep their comments: Flyway checks
				// their sums
				// (this file names the pattern)
				if (!file.toString().endsWith(".sql") && !file.endsWith("DocsCitationsTests.java")
						&& ISSUE.matcher(text).find()) {
					problems.add(file + ": cites an issue; cite docs/ instead");
				}
				var document = DOCUMENT.matcher(text);
				while (document.find()) {
					var name = document.group();
					var path = name.startsWith("docs/") ? Path.of(name) : null;
					if (path == null || !Files.exists(path)) {
						problems.add(file + ": cites " + name);
					}
				}
			}
		}
		assertThat(cited).isGreaterThan(100);
		assertThat(problems).isEmpty();
	}

}
