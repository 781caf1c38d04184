/** Party members (đảng viên): records, lifecycle, posts, transfers, import and export. */
@ApplicationModule(allowedDependencies = { "organization", "shared :: *" })
@NullMarked
package vn.chibo.member;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
