/** Login accounts (tài khoản): role, scope in the tree, link to a member record. */
@ApplicationModule(allowedDependencies = { "organization", "member", "notification", "shared :: *" })
@NullMarked
package vn.chibo.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
