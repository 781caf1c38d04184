/**
 * What several chibo nodes on one database share: work that must run once per cluster,
 * not once per node (docs/architecture.md, "Several nodes").
 */
@NamedInterface("cluster")
@NullMarked
package vn.chibo.shared.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
