/**
 * The committee's news (Tin tức): articles written by members and published by the office
 * through a review, and the public pages — categories, readable addresses, search and
 * feeds for anyone, no login.
 */
@ApplicationModule(allowedDependencies = { "organization", "member", "shared :: *" })
@NullMarked
package vn.chibo.news;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
