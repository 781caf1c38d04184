/**
 * The news pictures in the nightly backup and its restore. Internal to the news module.
 */
@NullMarked
package vn.chibo.news.backup;

import org.jspecify.annotations.NullMarked;
