package vn.chibo.evaluation;

import java.util.List;

/**
 * A branch's year of regular meetings, group by group of the rubric: what each month's
 * score is made of (docs/domain.md §6).
 *
 * @param months the months scored under the rubric, in order; each with the points of
 * every group, in the order of {@code groups}
 */
public record Breakdown(String rubricCode, String rubricName, List<Group> groups, List<Month> months) {

	private static final List<String> COLOURS = List.of("#a50e1c", "#0d6efd", "#198754", "#fd7e14", "#6f42c1",
			"#20c997", "#ffc107", "#6c757d", "#d63384", "#0dcaf0");

	public record Group(String code, String name, double max) {
	}

	public record Month(int month, long meetingId, List<Double> points) {

		public double total() {
			return points.stream().mapToDouble(Double::doubleValue).sum();
		}

	}

	/** The chart colour of a group, by its place. */
	public String colour(int index) {
		return COLOURS.get(index % COLOURS.size());
	}

}
