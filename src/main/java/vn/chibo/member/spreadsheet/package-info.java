/**
 * Member spreadsheets: the import (all or nothing, undone as a whole) and the export in
 * the same layout (docs/domain.md §17). Internal to the member module.
 */
@NullMarked
package vn.chibo.member.spreadsheet;

import org.jspecify.annotations.NullMarked;
