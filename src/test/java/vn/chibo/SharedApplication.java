package vn.chibo;

import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Who may use the one application of {@link ChiboTest} at the same time
 * (docs/testing.md): the browser test classes side by side, each on data of its own;
 * every other class alone, as {@code @Isolated} would have it — among them the ones that
 * count what the whole schema holds or what mail was sent. JUnit runs the isolated
 * classes after the others, so the browser classes share the two threads from the start.
 */
public final class SharedApplication implements ResourceLocksProvider {

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		return browserTest(testClass) ? Set.of() : Set.of(new Lock(Resources.GLOBAL, ResourceAccessMode.READ_WRITE));
	}

	static boolean browserTest(Class<?> testClass) {
		return AnnotationSupport.findRepeatableAnnotations(testClass, Tag.class)
			.stream()
			.anyMatch((tag) -> tag.value().equals("browser"));
	}

}
