/**
 * What the member module does when another module tells it something: a branch closing, a
 * theory course completed (docs/domain.md §4). Internal to the member module.
 */
@NullMarked
package vn.chibo.member.listener;

import org.jspecify.annotations.NullMarked;
