/**
 * The fictional demo committee of docs/domain.md §14, loaded through the application's
 * own services on the first start of the embedded default.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "account", "meeting", "evaluation", "news",
		"library", "study", "training", "recognition", "inspection", "inspection :: discipline",
		"inspection :: supervision", "classification", "report", "shared :: *" })
@NullMarked
package vn.chibo.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
