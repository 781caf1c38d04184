package vn.chibo.shared.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts an audit event into words: the record's kind, the work done and each field by its
 * label; a code (MALE, PROBATIONARY) by the label the screens use for it, a date as
 * dd/MM/yyyy in Asia/Ho_Chi_Minh, yes/no for a flag. Keys: {@code audit.type.<type>},
 * {@code audit.action.<type>.<action>} or {@code audit.action.<action>},
 * {@code audit.field.<type>.<field>}.
 */
@Component
class AuditLabels {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");

	private static final Pattern WORD_CODE = Pattern.compile("[a-z][A-Za-z]{2,30}(\\+[a-z][A-Za-z]{2,30})?");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern ISO_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

	private static final int LONGEST = 300;

	/**
	 * Where the labels of a field's codes live when not under {@code <type>.<field>}: the
	 * screens' own keys, so a code reads the same in the trail as on the page.
	 */
	private static final Map<String, List<String>> CODE_LABELS = Map.ofEntries(
			Map.entry("account.role", List.of("role")), Map.entry("award.kind", List.of("recognition.kind")),
			Map.entry("member.theoryLevel", List.of("member.theory")),
			Map.entry("member.kind", List.of("member.transfer")), Map.entry("training.level", List.of("member.theory")),
			Map.entry("organization.level", List.of("org.level")),
			Map.entry("organization.status", List.of("org.status")),
			Map.entry("organizationReview.finalLevel", List.of("classification.level")),
			Map.entry("organizationReview.selfLevel", List.of("classification.level")),
			Map.entry("review.finalLevel", List.of("classification.level")),
			Map.entry("review.proposedLevel", List.of("classification.level")),
			Map.entry("review.selfLevel", List.of("classification.level")),
			Map.entry("reflection.grade", List.of("study.grade")),
			Map.entry("reflection.status", List.of("study.reflection.status")),
			Map.entry("study.status", List.of("study.presence")),
			Map.entry("meeting.status", List.of("attendance.status", "meeting.statusShort", "minutes.task.status")),
			Map.entry("meeting.kind", List.of("meeting.kind", "document.kind")),
			Map.entry("meeting.level", List.of("evaluation.level")), Map.entry("news.status", List.of("news.status")),
			Map.entry("evaluation.level", List.of("evaluation.level")));

	/**
	 * The pages a record of a kind opens at, for a link from the trail; not discipline
	 * cases and complaints, which only those handling them read (docs/domain.md §10).
	 */
	private static final Map<String, String> PAGES = Map.of("member", "/members/", "meeting", "/meetings/",
			"organization", "/orgs/", "library", "/library/", "study", "/study/", "inspection", "/inspection/", "news",
			"/news/");

	private final MessageSource messages;

	AuditLabels(MessageSource messages) {
		this.messages = messages;
	}

	String type(String type) {
		return message("audit.type." + type, type);
	}

	String action(String type, String action) {
		var specific = find("audit.action." + type + "." + action);
		return (specific != null) ? specific : message("audit.action." + action, action);
	}

	/**
	 * A field's label: the trail's own for the kind of record, the screens' label of the
	 * field (a plain one, not a sentence with arguments), else the trail's label for the
	 * field in any record.
	 */
	String field(String type, String field) {
		var label = find("audit.field." + type + "." + field);
		if (label == null) {
			label = find(type + "." + field);
			if (label != null && label.contains("{")) {
				label = null;
			}
		}
		if (label == null) {
			label = find("audit.field." + field);
		}
		return (label != null) ? label : field;
	}

	@Nullable String href(String type, @Nullable Long id) {
		var page = PAGES.get(type);
		return (page != null && id != null) ? page + id : null;
	}

	String value(String type, String field, @Nullable Object value) {
		if (value == null || "".equals(value)) {
			return message("audit.value.none", "—");
		}
		if (value instanceof Boolean flag) {
			return message("audit.value." + flag, flag.toString());
		}
		if (value instanceof List<?> items) {
			return shortened(items.stream().map(item -> value(type, field, item)).collect(Collectors.joining("; ")));
		}
		if (value instanceof Map<?, ?> parts) {
			return shortened(parts.entrySet()
				.stream()
				.map(part -> field(type, String.valueOf(part.getKey())) + ": "
						+ value(type, String.valueOf(part.getKey()), part.getValue()))
				.collect(Collectors.joining(", ")));
		}
		if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
			// Vietnamese write a decimal comma.
			return value.toString().replace('.', ',');
		}
		var text = value.toString();
		if ("null".equals(text)) {
			return message("audit.value.none", "—");
		}
		if (CODE.matcher(text).matches()) {
			return code(type, field, text);
		}
		if (WORD_CODE.matcher(text).matches()) {
			// A code written as a word ("chair", "minuteTaker"): its label where it has
			// one.
			return message(type + "." + field + "." + text, text);
		}
		if (text.length() >= 10 && text.length() <= 35 && ISO_DATE.matcher(text.substring(0, 10)).matches()) {
			return date(text);
		}
		if (ISO_TIME.matcher(text).matches()) {
			return text.substring(0, 5);
		}
		return shortened(text);
	}

	/** The screens' label of a code, else the code itself. */
	private String code(String type, String field, String code) {
		for (var prefix : CODE_LABELS.getOrDefault(type + "." + field, List.of())) {
			var label = find(prefix + "." + code);
			if (label != null) {
				return label;
			}
		}
		var label = find(type + "." + field + "." + code);
		return (label != null) ? label : code;
	}

	private static String date(String text) {
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).format(DATE);
			}
			return OffsetDateTime.parse(text).atZoneSameInstant(ZONE).format(DATE_TIME);
		}
		catch (DateTimeParseException notADate) {
			return shortened(text);
		}
	}

	private static String shortened(String text) {
		return (text.length() <= LONGEST) ? text : text.substring(0, LONGEST) + "…";
	}

	private String message(String key, String otherwise) {
		var found = find(key);
		return (found != null) ? found : otherwise;
	}

	private @Nullable String find(String key) {
		return messages.getMessage(key, null, null, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
