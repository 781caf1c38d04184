package vn.chibo.shared.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTests {

	@Test
	void splitsFamilyMiddleAndGivenName() {
		var name = PersonName.parse("Nguyễn Thị Thu Hà");
		assertThat(name.family()).isEqualTo("Nguyễn");
		assertThat(name.middle()).isEqualTo("Thị Thu");
		assertThat(name.given()).isEqualTo("Hà");
	}

	// The worked example of docs/domain.md §18.
	@Test
	void sortsByGivenThenMiddleThenFamilyInVietnameseOrder() {
		var input = List.of("Đỗ Thị Đào", "Trần Thị Ánh", "Nguyễn Đức Anh", "Phạm Văn Dũng", "Nguyễn Văn An",
				"Lê Đức Anh");
		var sorted = input.stream().map(PersonName::parse).sorted(PersonName.LIST_ORDER).map(PersonName::full).toList();
		assertThat(sorted).containsExactly("Nguyễn Văn An", "Lê Đức Anh", "Nguyễn Đức Anh", "Trần Thị Ánh",
				"Phạm Văn Dũng", "Đỗ Thị Đào");
	}

	@Test
	void sortKeysOrderLikeTheCollator() {
		Comparator<byte[]> bytes = Arrays::compareUnsigned;
		assertThat(bytes.compare(PersonName.sortKey("Anh"), PersonName.sortKey("Ánh"))).isNegative();
		assertThat(bytes.compare(PersonName.sortKey("Dũng"), PersonName.sortKey("Đào"))).isNegative();
		assertThat(bytes.compare(PersonName.sortKey("An"), PersonName.sortKey("Anh"))).isNegative();
		assertThat(bytes.compare(PersonName.sortKey("Yến"), PersonName.sortKey("Đào"))).isPositive();
	}

}
