/**
 * A study session's report in the Party's layout. Internal to the study module.
 */
@NullMarked
package vn.chibo.study.print;

import org.jspecify.annotations.NullMarked;
