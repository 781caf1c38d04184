package vn.chibo.notification;

import org.jspecify.annotations.Nullable;

/**
 * Whom a notice goes to: a member (for the in-app list) and the member's e-mail address,
 * if any.
 */
public record Recipient(long memberId, @Nullable String email) {
}
