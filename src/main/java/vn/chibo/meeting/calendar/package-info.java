/**
 * The meetings as calendar feeds (iCalendar) a member subscribes to. Internal to the
 * meeting module.
 */
@NullMarked
package vn.chibo.meeting.calendar;

import org.jspecify.annotations.NullMarked;
