/**
 * The committee's public news (Tin tức): categories, articles at readable addresses,
 * search and feeds for anyone, no login.
 */
@ApplicationModule(allowedDependencies = { "shared :: *" })
@NullMarked
package vn.chibo.news;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
