/**
 * A meeting's attendance: the roll call, the QR check-in and the counts the minutes show
 * (docs/domain.md §5). Internal to the meeting module.
 */
@NullMarked
package vn.chibo.meeting.attendance;

import org.jspecify.annotations.NullMarked;
