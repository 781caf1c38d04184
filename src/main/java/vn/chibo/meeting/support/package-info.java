/**
 * What the meeting's parts share: who may change a meeting and the event that tells the
 * other modules its record changed. Internal to the meeting module.
 */
@NullMarked
package vn.chibo.meeting.support;

import org.jspecify.annotations.NullMarked;
