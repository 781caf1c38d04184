package vn.chibo.evaluation.rubric;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.PreparationStep;
import vn.chibo.shared.web.BusinessRuleException;

import vn.chibo.evaluation.CapCondition;
import vn.chibo.evaluation.Level;
import vn.chibo.evaluation.Rubric;
import vn.chibo.evaluation.RuleType;

/**
 * Reads a rubric file (the JSON format of {@code docs/rubric-format.md}) and checks it,
 * naming the exact place of the first thing wrong: "groups[2].criteria[0].rule: …".
 * Nothing half-read is ever used.
 */
public final class RubricFormat {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RubricFormat() {
	}

	public static Rubric parse(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new BusinessRuleException("file", "rubric.invalid.json",
					String.valueOf(ex.getOriginalMessage()).lines().findFirst().orElse(""));
		}
		if (root == null || !root.isObject()) {
			throw error("", "rubric.invalid.object");
		}
		var code = text(root, "code", "code");
		if (!code.matches("[A-Za-z0-9._-]{1,40}")) {
			throw error("code", "rubric.invalid.code");
		}
		var version = integer(root, "version", "version");
		if (version < 1) {
			throw error("version", "rubric.invalid.positive");
		}
		var name = text(root, "name", "name");
		var source = root.hasNonNull("source") ? root.get("source").asString() : null;
		var mode = enumOf(Rubric.Mode.class, text(root, "mode", "mode"), "mode");
		var appliesTo = new ArrayList<MeetingKind>();
		var kinds = array(root, "appliesTo", "appliesTo");
		for (var i = 0; i < kinds.size(); i++) {
			appliesTo.add(enumOf(MeetingKind.class, kinds.get(i).asString(), "appliesTo[" + i + "]"));
		}
		if (appliesTo.isEmpty()) {
			throw error("appliesTo", "rubric.invalid.empty");
		}
		var validFrom = Objects.requireNonNull(date(root, "validFrom", true));
		var validTo = date(root, "validTo", false);
		if (validTo != null && validTo.isBefore(validFrom)) {
			throw error("validTo", "rubric.invalid.dates");
		}
		var normalize = !root.has("normalize") || root.get("normalize").asBoolean();
		var levels = new ArrayList<Rubric.Threshold>();
		var levelNodes = array(root, "levels", "levels");
		var previous = Double.MAX_VALUE;
		for (var i = 0; i < levelNodes.size(); i++) {
			var path = "levels[" + i + "]";
			var node = levelNodes.get(i);
			var level = enumOf(Level.class, text(node, "level", path + ".level"), path + ".level");
			var min = number(node, "min", path + ".min");
			if (min >= previous) {
				throw error(path + ".min", "rubric.invalid.levelsOrder");
			}
			previous = min;
			levels.add(new Rubric.Threshold(level, min));
		}
		if (levels.isEmpty() || levels.getLast().min() != 0) {
			throw error("levels", "rubric.invalid.levelsZero");
		}
		var caps = new ArrayList<Rubric.Cap>();
		if (root.has("caps")) {
			var capNodes = array(root, "caps", "caps");
			for (var i = 0; i < capNodes.size(); i++) {
				var path = "caps[" + i + "]";
				caps.add(new Rubric.Cap(
						enumOf(CapCondition.class, text(capNodes.get(i), "when", path + ".when"), path + ".when"),
						enumOf(Level.class, text(capNodes.get(i), "level", path + ".level"), path + ".level")));
			}
		}
		var groups = new ArrayList<Rubric.Group>();
		var groupNodes = array(root, "groups", "groups");
		var codes = new HashSet<String>();
		for (var g = 0; g < groupNodes.size(); g++) {
			var path = "groups[" + g + "]";
			var node = groupNodes.get(g);
			var criteria = new ArrayList<Rubric.Criterion>();
			var criterionNodes = array(node, "criteria", path + ".criteria");
			for (var c = 0; c < criterionNodes.size(); c++) {
				var cpath = path + ".criteria[" + c + "]";
				var cnode = criterionNodes.get(c);
				var ccode = text(cnode, "code", cpath + ".code");
				if (!codes.add(ccode)) {
					throw error(cpath + ".code", "rubric.invalid.duplicate", ccode);
				}
				var max = number(cnode, "max", cpath + ".max");
				if (max <= 0 || max > 100) {
					throw error(cpath + ".max", "rubric.invalid.positive");
				}
				var rule = enumOf(RuleType.class, text(cnode, "rule", cpath + ".rule"), cpath + ".rule");
				Map<String, Object> params = cnode.has("params")
						? JSON.convertValue(cnode.get("params"), LinkedHashMap.class) : Map.of();
				for (var required : rule.requiredParameters()) {
					if (!params.containsKey(required)) {
						throw error(cpath + ".params." + required, "rubric.invalid.missing");
					}
				}
				if (rule == RuleType.STEP) {
					enumOf(PreparationStep.class, String.valueOf(params.get("step")), cpath + ".params.step");
				}
				if (params.get("bands") instanceof List<?> bands) {
					for (var b = 0; b < bands.size(); b++) {
						if (!(bands.get(b) instanceof List<?> pair) || pair.size() != 2
								|| !(pair.get(0) instanceof Number) || !(pair.get(1) instanceof Number point)
								|| point.doubleValue() > max) {
							throw error(cpath + ".params.bands[" + b + "]", "rubric.invalid.band");
						}
					}
				}
				var onlyWithThematic = cnode.has("onlyWithThematic") && cnode.get("onlyWithThematic").asBoolean();
				criteria.add(new Rubric.Criterion(ccode, text(cnode, "name", cpath + ".name"), max, rule,
						Map.copyOf(params), onlyWithThematic));
			}
			if (criteria.isEmpty()) {
				throw error(path + ".criteria", "rubric.invalid.empty");
			}
			groups.add(new Rubric.Group(text(node, "code", path + ".code"), text(node, "name", path + ".name"),
					List.copyOf(criteria)));
		}
		if (groups.isEmpty()) {
			throw error("groups", "rubric.invalid.empty");
		}
		return new Rubric(code, version, name, source, mode, List.copyOf(appliesTo), validFrom, validTo, normalize,
				List.copyOf(levels), List.copyOf(caps), List.copyOf(groups));
	}

	private static BusinessRuleException error(String path, String key, Object... args) {
		var all = new Object[args.length + 1];
		all[0] = path.isEmpty() ? "—" : path;
		System.arraycopy(args, 0, all, 1, args.length);
		return new BusinessRuleException("file", key, all);
	}

	private static String text(JsonNode node, String field, String path) {
		var value = node.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw error(path, "rubric.invalid.missing");
		}
		return value.asString().strip();
	}

	private static int integer(JsonNode node, String field, String path) {
		var value = node.get(field);
		if (value == null || !value.isIntegralNumber()) {
			throw error(path, "rubric.invalid.number");
		}
		return value.asInt();
	}

	private static double number(JsonNode node, String field, String path) {
		var value = node.get(field);
		if (value == null || !value.isNumber()) {
			throw error(path, "rubric.invalid.number");
		}
		return value.asDouble();
	}

	private static JsonNode array(JsonNode node, String field, String path) {
		var value = node.get(field);
		if (value == null || !value.isArray()) {
			throw error(path, "rubric.invalid.array");
		}
		return value;
	}

	private static @Nullable LocalDate date(JsonNode node, String field, boolean required) {
		var value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw error(field, "rubric.invalid.missing");
			}
			return null;
		}
		try {
			return LocalDate.parse(value.asString());
		}
		catch (DateTimeParseException ex) {
			throw error(field, "rubric.invalid.date");
		}
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String path) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw error(path, "rubric.invalid.value", value);
		}
	}

}
