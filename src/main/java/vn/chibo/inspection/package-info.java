/**
 * Inspection, supervision and discipline (kiểm tra, giám sát, kỷ luật; docs/domain.md
 * §10): the yearly programme of the committee and its inspection committee, each
 * inspection or thematic supervision from the decision to the follow-up of its remedies,
 * and the documents it issues. The most confidential records of chibo: read by the
 * inspection committee and the committee's standing members, by the subject once
 * notified.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "meeting", "shared :: *" })
@NullMarked
package vn.chibo.inspection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
