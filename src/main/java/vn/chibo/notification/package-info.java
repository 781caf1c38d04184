/**
 * Notifications: each member's in-app list and e-mail through an outbox, sent after the
 * change that causes it is committed.
 */
@ApplicationModule(allowedDependencies = { "shared :: *" })
@NullMarked
package vn.chibo.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
