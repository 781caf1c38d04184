/**
 * The news settings: whose news the public site shows and where its pictures are kept.
 * Internal to the news module.
 */
@NullMarked
package vn.chibo.news.support;

import org.jspecify.annotations.NullMarked;
