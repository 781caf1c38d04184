package vn.chibo.shared.web;

/**
 * What the login page may tell a newcomer: whether this installation carries the demo
 * committee, whose accounts the page then lists. Implemented by the module that loads it.
 */
public interface LoginHints {

	boolean demoAccounts();

}
