/**
 * Helpers for the SQL the modules write by hand with {@code JdbcClient}
 * (docs/architecture.md, "Inside a module").
 */
@NamedInterface("sql")
@NullMarked
package vn.chibo.shared.sql;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
