/**
 * Study of resolutions (học tập, quán triệt nghị quyết; docs/domain.md §8): sessions that
 * study documents of the library or the yearly topic of Chỉ thị 05-CT/TW, their roster
 * and roll call, and the members' reflections (bài thu hoạch) graded by the branch
 * executive, with copies flagged.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "library", "notification", "shared :: *" })
@NullMarked
package vn.chibo.study;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
