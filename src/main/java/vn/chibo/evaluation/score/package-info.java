/**
 * Keeping scores: each meeting scored when its record changes, and the scores entered by
 * hand (docs/domain.md §6). Internal to the evaluation module.
 */
@NullMarked
package vn.chibo.evaluation.score;

import org.jspecify.annotations.NullMarked;
