/**
 * What an article's text goes through: the HTML it may keep and the readable address made
 * from its title. Internal to the news module.
 */
@NullMarked
package vn.chibo.news.text;

import org.jspecify.annotations.NullMarked;
