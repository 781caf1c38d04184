/**
 * The documents an inspection issues, in the Party's layout (docs/domain.md §10, §16).
 * Internal to the inspection module.
 */
@NullMarked
package vn.chibo.inspection.documents;

import org.jspecify.annotations.NullMarked;
