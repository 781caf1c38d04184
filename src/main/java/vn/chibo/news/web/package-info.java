/**
 * The news pages and API: the public site (articles, categories, search, feeds, pictures
 * in the sizes a screen asks for), the news desk and the JSON API. Internal to the news
 * module.
 */
@NullMarked
package vn.chibo.news.web;

import org.jspecify.annotations.NullMarked;
