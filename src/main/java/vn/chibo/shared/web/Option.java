package vn.chibo.shared.web;

/** One choice of a select list, with whether it is the current one. */
public record Option(long value, String label, boolean selected) {
}
