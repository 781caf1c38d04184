/** The organisation tree (tổ chức đảng): committees, branches (chi bộ), party groups. */
@ApplicationModule(allowedDependencies = { "shared :: *" })
@NullMarked
package vn.chibo.organization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
