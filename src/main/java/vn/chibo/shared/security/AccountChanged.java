package vn.chibo.shared.security;

/**
 * An account was locked, its password reset, or its role, scope or member changed: its
 * open sessions end and its remembered API logins are forgotten.
 */
public record AccountChanged(String username) {
}
