/** Login, roles and the organisation subtree each user may see. */
@NamedInterface("security")
@NullMarked
package vn.chibo.shared.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
