package vn.chibo.library;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlinesTests {

	@Test
	void theWordsAreMarkedHoweverTheyAreTypedAndTheTextKeepsItsMarks() {
		var terms = Headlines.terms("SO TAY dang-vien -giay or dien");
		assertThat(terms).containsExactlyInAnyOrder("so", "tay", "dang", "vien", "dien");
		var segments = Headlines.passage("Đảng viên dùng Sổ tay điện tử.\n Giấy tờ giảm.", terms);
		assertThat(segments).filteredOn(LibrarySearch.Segment::match)
			.extracting(LibrarySearch.Segment::text)
			.containsExactly("Đảng viên", "Sổ tay điện");
		assertThat(segments).extracting(LibrarySearch.Segment::text)
			.containsExactly("Đảng viên", " dùng ", "Sổ tay điện", " tử. Giấy tờ giảm");
		assertThat(Headlines.passage("Không có từ nào.", terms)).isEmpty();
		// Combining marks typed apart (NFD) fold the same.
		assertThat(Headlines.fold("Đa\u0309ng")).isEqualTo("dang");
	}

	@Test
	void aLongPageGivesTwoWindowsAroundItsMatches() {
		var text = new StringBuilder();
		for (var i = 0; i < 200; i++) {
			text.append((i == 10 || i == 150) ? "nghị quyết " : "chữ" + i + " ");
		}
		var segments = Headlines.passage(text.toString(), Headlines.terms("nghi quyet"));
		assertThat(segments).filteredOn(LibrarySearch.Segment::match)
			.extracting(LibrarySearch.Segment::text)
			.containsExactly("nghị quyết", "nghị quyết");
		var shown = String.join("", segments.stream().map(LibrarySearch.Segment::text).toList());
		assertThat(shown).startsWith("chữ4 ").contains(" chữ32 … chữ144 ");
		var words = shown.split("\\s+");
		assertThat(words.length).isLessThanOrEqualTo(2 * Headlines.WINDOW + 1);
	}

}
