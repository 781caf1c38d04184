/**
 * Meeting-quality evaluation (docs/domain.md §6): rubrics as versioned data, scores
 * computed from the meeting record and given by hand, with every point explained.
 */
@ApplicationModule(allowedDependencies = { "meeting", "member", "organization", "notification", "shared :: *" })
@NullMarked
package vn.chibo.evaluation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
