/**
 * The rubric engine and the rubric file format: pure rules, no Spring (docs/domain.md §6,
 * docs/rubric-format.md). Internal to the evaluation module.
 */
@NullMarked
package vn.chibo.evaluation.rubric;

import org.jspecify.annotations.NullMarked;
