/**
 * Branch meetings (sinh hoạt chi bộ): the yearly plan and calendar, later preparation and
 * minutes.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "shared :: *" })
@NullMarked
package vn.chibo.meeting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
