/**
 * A meeting's documents: drafts attached, shared with the members and read on a phone
 * (docs/domain.md §5). Internal to the meeting module.
 */
@NullMarked
package vn.chibo.meeting.preparation;

import org.jspecify.annotations.NullMarked;
