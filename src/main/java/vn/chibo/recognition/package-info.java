/**
 * Emulation and commendation (thi đua, khen thưởng; docs/domain.md §11): awards to
 * members and Party organisations — praise, certificates of merit and higher, prizes —
 * and the Party membership badges (Huy hiệu Đảng) due each year.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "shared :: *" })
@NullMarked
package vn.chibo.recognition;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
