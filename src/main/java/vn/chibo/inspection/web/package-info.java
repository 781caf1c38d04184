/**
 * The inspection pages and API. Internal to the inspection module.
 */
@NullMarked
package vn.chibo.inspection.web;

import org.jspecify.annotations.NullMarked;
