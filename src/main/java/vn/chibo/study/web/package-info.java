/**
 * The study pages and API: the sessions of the year, a session with its attendance and
 * reflections, the members' commitments. Internal to the study module.
 */
@NullMarked
package vn.chibo.study.web;

import org.jspecify.annotations.NullMarked;
