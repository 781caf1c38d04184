/**
 * Uploaded files: their names cleaned, their type judged by content, never by name alone.
 */
@NamedInterface("files")
@NullMarked
package vn.chibo.shared.files;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
