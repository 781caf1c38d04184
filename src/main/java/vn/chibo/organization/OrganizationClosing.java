package vn.chibo.organization;

/**
 * Published inside the transaction that closes an organisation; a listener that finds the
 * closing impossible (members still there) throws, and nothing is closed.
 */
public record OrganizationClosing(long committeeId, long organizationId) {
}
