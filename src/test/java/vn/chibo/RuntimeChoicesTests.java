package vn.chibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Conditional;

/**
 * chibo's configuration holds no condition: the build processes it ahead of time for a
 * faster start, which fixes every condition as the build found it, so that a choice made
 * by a condition (a database, a replica, timed work) would be ignored by such a start.
 * Those choices are made when the beans are made (docs/operations.md, "A faster start").
 */
class RuntimeChoicesTests {

	@Test
	void noClassOfChiboIsChosenByACondition() {
		var classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages("vn.chibo");
		var conditional = new TreeSet<String>();
		for (JavaClass type : classes) {
			if (conditional(type)) {
				conditional.add(type.getName());
			}
			type.getMethods()
				.stream()
				.filter(RuntimeChoicesTests::conditional)
				.forEach(method -> conditional.add(method.getFullName()));
		}
		assertThat(conditional).as("classes and bean methods of chibo chosen by a @Conditional…").isEmpty();
	}

	private static boolean conditional(CanBeAnnotated annotated) {
		return annotated.isAnnotatedWith(Conditional.class) || annotated.isMetaAnnotatedWith(Conditional.class);
	}

}
