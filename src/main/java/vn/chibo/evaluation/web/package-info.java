/**
 * The evaluation's pages: a meeting's score, the committee's dashboard, the rubrics.
 * Internal to the evaluation module.
 */
@NullMarked
package vn.chibo.evaluation.web;

import org.jspecify.annotations.NullMarked;
