/**
 * The start page of each role: what a member, a branch secretary or the committee's
 * office has to do next, read through the modules that keep it.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "meeting", "evaluation", "study", "notification",
		"shared :: *" })
@NullMarked
package vn.chibo.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
