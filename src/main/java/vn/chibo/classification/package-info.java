/**
 * The annual review and classification of members (đánh giá, xếp loại chất lượng;
 * docs/domain.md §7): rule sets in force by date, each member's self-review, the branch's
 * proposal and the committee's decision under the quota of the top level, and the result
 * on the member's record.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "meeting", "evaluation", "study", "training",
		"recognition", "inspection", "inspection :: discipline", "shared :: *" })
@NullMarked
package vn.chibo.classification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
