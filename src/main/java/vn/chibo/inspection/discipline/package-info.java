/**
 * Party discipline (docs/domain.md §4, §10): discipline cases and the complaints and
 * denunciations received; published to the demo and, for the members disciplined in a
 * year, to the annual classification.
 */
@NamedInterface("discipline")
@NullMarked
package vn.chibo.inspection.discipline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
