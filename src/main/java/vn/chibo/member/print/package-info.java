/**
 * A member's sheet in the Party's layout (docs/domain.md §16, §17). Internal to the
 * member module.
 */
@NullMarked
package vn.chibo.member.print;

import org.jspecify.annotations.NullMarked;
