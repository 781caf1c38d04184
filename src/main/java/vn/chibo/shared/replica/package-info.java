/**
 * A PostgreSQL streaming replica for the pages that only read: the pages that ask for it
 * ({@link vn.chibo.shared.replica.ReplicaReads}) run their read-only transactions on the
 * replica while it is close enough, and never before it has the reader's own last write
 * (docs/architecture.md, "Read replica").
 */
@NamedInterface("replica")
@NullMarked
package vn.chibo.shared.replica;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
