/**
 * The superior committee's overview of its grassroots committees' meeting quality
 * (docs/domain.md §6). Internal to the evaluation module.
 */
@NullMarked
package vn.chibo.evaluation.superior;

import org.jspecify.annotations.NullMarked;
