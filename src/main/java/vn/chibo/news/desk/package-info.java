/**
 * The news desk: drafts written by members, their review and publishing by the office,
 * the categories. Internal to the news module.
 */
@NullMarked
package vn.chibo.news.desk;

import org.jspecify.annotations.NullMarked;
