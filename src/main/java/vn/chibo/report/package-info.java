/**
 * The committee's reports composed from the records of several modules, each read through
 * the module's own queries: the year of study, training, commendation, inspection and the
 * members' classification (DOMAIN.md §12), in the Party's layout as PDF and DOCX and on a
 * page.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "study", "training", "recognition", "inspection",
		"classification", "shared :: *" })
@NullMarked
package vn.chibo.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
