/**
 * The minutes: written, signed (then final, changed only by amendment), exported in the
 * Party's layout, and their tasks and proposals followed up (docs/domain.md §5, §16).
 * Internal to the meeting module.
 */
@NullMarked
package vn.chibo.meeting.minutes;

import org.jspecify.annotations.NullMarked;
