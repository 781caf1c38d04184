/** Layout model, errors, flash messages and paging shared by every screen. */
@NamedInterface("web")
@NullMarked
package vn.chibo.shared.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
