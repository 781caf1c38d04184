/**
 * Regular supervision (giám sát thường xuyên; docs/domain.md §10): observations of
 * branches and their members, and the share of members each branch supervises in a year
 * against the committee's target. Published to the demo.
 */
@NamedInterface("supervision")
@NullMarked
package vn.chibo.inspection.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
