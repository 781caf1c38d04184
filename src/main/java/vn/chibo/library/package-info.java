/**
 * The committee's library of Party documents (văn bản, nghị quyết): resolutions,
 * directives, conclusions, guidance, regulations and the committee's own plans, with
 * their files, searched without diacritics through their metadata and the text of their
 * files.
 */
@ApplicationModule(allowedDependencies = { "shared :: *" })
@NullMarked
package vn.chibo.library;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
