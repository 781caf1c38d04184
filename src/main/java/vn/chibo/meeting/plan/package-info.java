/**
 * The year's plan of meetings and each meeting's page: scheduling, changes, preparation
 * steps and the members' comments (docs/domain.md §5). Internal to the meeting module.
 */
@NullMarked
package vn.chibo.meeting.plan;

import org.jspecify.annotations.NullMarked;
