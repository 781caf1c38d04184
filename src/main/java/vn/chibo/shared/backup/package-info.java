/**
 * Backup and restore of a chibo deployment (docs/operations.md): every table of the
 * schema and the folders of files the modules keep, in one zip; restored into an empty
 * database of the same schema version.
 */
@NamedInterface("backup")
@NullMarked
package vn.chibo.shared.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
