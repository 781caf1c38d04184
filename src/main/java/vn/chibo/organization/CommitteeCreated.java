package vn.chibo.organization;

/**
 * A grassroots committee (a tenant) was created: modules that give every committee
 * something of its own (the shipped rubrics) add it.
 */
public record CommitteeCreated(long committeeId) {
}
