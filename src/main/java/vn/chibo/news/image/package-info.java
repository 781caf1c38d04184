/**
 * The pictures of an article: checked, decoded within bounds, stripped of their metadata
 * and kept in the sizes a screen asks for. Internal to the news module.
 */
@NullMarked
package vn.chibo.news.image;

import org.jspecify.annotations.NullMarked;
