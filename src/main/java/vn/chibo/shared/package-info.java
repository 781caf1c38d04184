/**
 * What every module may use: web layout and errors, security, Vietnamese text handling,
 * audit trail.
 */
@NullMarked
package vn.chibo.shared;

import org.jspecify.annotations.NullMarked;
