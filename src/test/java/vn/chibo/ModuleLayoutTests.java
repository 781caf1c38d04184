package vn.chibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large module keeps at its root only what other modules use — its published types,
 * events and the types their public members name — and the rest in sub-packages by the
 * work they do, which Modulith's {@code verify()} keeps other modules out of
 * (docs/architecture.md).
 */
class ModuleLayoutTests {

	/**
	 * What Spring's ahead-of-time processing writes beside the classes when the jar is
	 * packaged (proxies, bean definitions: docs/operations.md, "A faster start"), which a
	 * later {@code mvn verify} finds in {@code target/classes}: no module's own types.
	 */
	static final ImportOption NOT_GENERATED = (location) -> !location.contains("$$SpringCGLIB$$")
			&& !location.contains("__");

	static final JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
		.withImportOption(NOT_GENERATED)
		.importPackages("vn.chibo");

	@ParameterizedTest
	@ValueSource(strings = { "meeting", "evaluation", "inspection", "member", "study", "news" })
	void theRootHoldsOnlyPublishedTypes(String module) {
		var root = "vn.chibo." + module;
		var atRoot = classes.stream()
			.filter(type -> type.getPackageName().equals(root) && type.isTopLevelClass()
					&& !type.getSimpleName().equals("package-info"))
			.toList();
		Set<JavaClass> published = new HashSet<>();
		for (var type : atRoot) {
			if (classes.stream()
				.filter(nested -> topLevel(nested).equals(type))
				.flatMap(nested -> nested.getDirectDependenciesToSelf().stream())
				.anyMatch(dependency -> !inModule(dependency.getOriginClass(), root))) {
				published.add(type);
			}
		}
		// the types a published type's public members name are published with it
		List<JavaClass> todo = new ArrayList<>(published);
		while (!todo.isEmpty()) {
			var type = todo.removeLast();
			for (var named : signatureTypes(type)) {
				if (atRoot.contains(topLevel(named)) && published.add(topLevel(named))) {
					todo.add(topLevel(named));
				}
			}
		}
		var unpublished = new TreeSet<String>();
		atRoot.stream()
			.filter(type -> !published.contains(type))
			.forEach(type -> unpublished.add(type.getSimpleName()));
		assertThat(unpublished)
			.as("types at the root of %s that no other module uses: move them into a sub-package", module)
			.isEmpty();
	}

	private static JavaClass topLevel(JavaClass type) {
		return type.getEnclosingClass().map(ModuleLayoutTests::topLevel).orElse(type);
	}

	private static boolean inModule(JavaClass type, String root) {
		var name = type.getPackageName();
		return name.equals(root) || name.startsWith(root + ".");
	}

	/** The types a type's fields and public members name, its nested types' too. */
	private static Set<JavaClass> signatureTypes(JavaClass type) {
		var named = new HashSet<JavaClass>();
		for (var field : type.getFields()) {
			named.add(field.getRawType());
		}
		for (var method : type.getMethods()) {
			if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
				named.add(method.getRawReturnType());
				named.addAll(method.getRawParameterTypes());
			}
		}
		for (var constructor : type.getConstructors()) {
			if (constructor.getModifiers().contains(JavaModifier.PUBLIC)) {
				named.addAll(constructor.getRawParameterTypes());
			}
		}
		classes.stream()
			.filter(nested -> nested.getEnclosingClass().map(type::equals).orElse(false))
			.forEach(nested -> named.addAll(signatureTypes(nested)));
		return named;
	}

}
