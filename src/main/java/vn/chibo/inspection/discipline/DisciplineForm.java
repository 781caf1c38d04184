package vn.chibo.inspection.discipline;

import java.util.EnumSet;
import java.util.Set;

/**
 * The forms of Party discipline (docs/domain.md §4, Điều lệ Đảng): an official member —
 * khiển trách, cảnh cáo, cách chức, khai trừ; a probationary member — khiển trách, cảnh
 * cáo; a Party organisation — khiển trách, cảnh cáo, giải tán. NONE: the case is closed
 * without discipline.
 */
public enum DisciplineForm {

	NONE, REPRIMAND, WARNING, DISMISSAL, EXPULSION, DISSOLUTION;

	public static Set<DisciplineForm> allowed(boolean organization, boolean probationary) {
		if (organization) {
			return EnumSet.of(NONE, REPRIMAND, WARNING, DISSOLUTION);
		}
		return probationary ? EnumSet.of(NONE, REPRIMAND, WARNING)
				: EnumSet.of(NONE, REPRIMAND, WARNING, DISMISSAL, EXPULSION);
	}

}
