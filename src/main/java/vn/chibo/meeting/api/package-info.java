/**
 * The meetings as JSON under {@code /api/v1/meetings}. Internal to the meeting module.
 */
@NullMarked
package vn.chibo.meeting.api;

import org.jspecify.annotations.NullMarked;
