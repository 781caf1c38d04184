/**
 * A study session's check-in by QR code: the code shown at the session and the members'
 * scans of it. Internal to the study module.
 */
@NullMarked
package vn.chibo.study.checkin;

import org.jspecify.annotations.NullMarked;
