package vn.chibo.evaluation.score;

import org.jspecify.annotations.Nullable;

/**
 * A criterion scored by hand: by the branch itself and by the superior committee member.
 */
public record ManualScore(@Nullable Double self, @Nullable String selfNote, @Nullable Double superior,
		@Nullable String superiorNote) {
}
