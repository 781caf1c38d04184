/** Clock, locale, embedded PostgreSQL and formatting: internal wiring, no public API. */
@NullMarked
package vn.chibo.shared.config;

import org.jspecify.annotations.NullMarked;
