/**
 * Training (đào tạo, bồi dưỡng; docs/domain.md §9): political theory and other courses,
 * the committee's yearly plan of who attends which, completions with their certificates,
 * and the members' theory levels against the posts that need one.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "shared :: *" })
@NullMarked
package vn.chibo.training;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
