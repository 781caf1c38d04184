/**
 * The meeting-quality report and the scores' workbook (docs/domain.md §6, §16). Internal
 * to the evaluation module.
 */
@NullMarked
package vn.chibo.evaluation.report;

import org.jspecify.annotations.NullMarked;
