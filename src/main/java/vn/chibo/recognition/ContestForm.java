package vn.chibo.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

import vn.chibo.shared.web.BusinessRuleException;

/**
 * The page's form of a new contest: its rounds and judges one a line, its criteria one a
 * line as "name | most points". The API sends the same as a {@link Contests.Draft}.
 */
public class ContestForm {

	/** "Nội dung | 50", "Nội dung: 50" or "Nội dung 50". */
	private static final Pattern CRITERION = Pattern.compile("^(.*?)[\\s|:;–-]+(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*$");

	@Size(max = 300, message = "{recognition.text.size}")
	private @Nullable String title;

	@Size(max = 300, message = "{recognition.text.size}")
	private @Nullable String organiser;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate heldFrom;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate heldTo;

	@Size(max = 4000, message = "{recognition.text.size}")
	private @Nullable String description;

	@Size(max = 3000, message = "{recognition.text.size}")
	private @Nullable String rounds;

	@Size(max = 6000, message = "{recognition.text.size}")
	private @Nullable String criteria;

	@Size(max = 3000, message = "{recognition.text.size}")
	private @Nullable String judges;

	Contests.Draft draft() {
		var parsed = new ArrayList<Contests.Criterion>();
		var number = 0;
		for (var line : lines(criteria)) {
			number++;
			var match = CRITERION.matcher(line);
			if (!match.matches() || match.group(1).isBlank()) {
				throw new BusinessRuleException("criteria", "contest.criteria.line", number, line);
			}
			parsed
				.add(new Contests.Criterion(match.group(1).strip(), new BigDecimal(match.group(2).replace(',', '.'))));
		}
		return new Contests.Draft(title, organiser, heldFrom, heldTo, description, lines(rounds), parsed,
				lines(judges));
	}

	private static List<String> lines(@Nullable String text) {
		return (text != null) ? text.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList() : List.of();
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getOrganiser() {
		return organiser;
	}

	public void setOrganiser(@Nullable String organiser) {
		this.organiser = organiser;
	}

	public @Nullable LocalDate getHeldFrom() {
		return heldFrom;
	}

	public void setHeldFrom(@Nullable LocalDate heldFrom) {
		this.heldFrom = heldFrom;
	}

	public @Nullable LocalDate getHeldTo() {
		return heldTo;
	}

	public void setHeldTo(@Nullable LocalDate heldTo) {
		this.heldTo = heldTo;
	}

	public @Nullable String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getRounds() {
		return rounds;
	}

	public void setRounds(@Nullable String rounds) {
		this.rounds = rounds;
	}

	public @Nullable String getCriteria() {
		return criteria;
	}

	public void setCriteria(@Nullable String criteria) {
		this.criteria = criteria;
	}

	public @Nullable String getJudges() {
		return judges;
	}

	public void setJudges(@Nullable String judges) {
		this.judges = judges;
	}

}
