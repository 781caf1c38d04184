/**
 * What the public site reads: the published articles, their categories, search and feeds.
 * Internal to the news module.
 */
@NullMarked
package vn.chibo.news.site;

import org.jspecify.annotations.NullMarked;
