/**
 * Branch meetings (sinh hoạt chi bộ): the yearly plan and calendar, preparation and
 * documents, agenda, attendance and check-in, minutes with their tasks and proposals,
 * notices, reminders and calendar feeds.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "notification", "shared :: *" })
@NullMarked
package vn.chibo.meeting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
