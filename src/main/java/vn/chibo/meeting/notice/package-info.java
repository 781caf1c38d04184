/**
 * The notice of a meeting: printed in the Party's layout and sent to the members, with
 * the reminders before it (docs/domain.md §5). Internal to the meeting module.
 */
@NullMarked
package vn.chibo.meeting.notice;

import org.jspecify.annotations.NullMarked;
