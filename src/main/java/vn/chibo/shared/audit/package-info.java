/** Audit trail (nhật ký thay đổi): who changed what, when, before and after. */
@NamedInterface("audit")
@NullMarked
package vn.chibo.shared.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
