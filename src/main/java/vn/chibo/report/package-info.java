/**
 * The committee's reports composed from the records of several modules, each read through
 * the module's own queries (docs/domain.md §12): the year report on Party building and
 * the term report for the congress, in the Party's layout as PDF and DOCX and on a page
 * where each figure links to the list it counts. It owns the reports' text parts written
 * by the office ({@code report_text}) and the committee's terms ({@code party_term}).
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "meeting", "evaluation", "study", "training",
		"recognition", "inspection", "classification", "shared :: *" })
@NullMarked
package vn.chibo.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
