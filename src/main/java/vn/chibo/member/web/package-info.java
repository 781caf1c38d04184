/**
 * The member pages and API. Internal to the member module.
 */
@NullMarked
package vn.chibo.member.web;

import org.jspecify.annotations.NullMarked;
