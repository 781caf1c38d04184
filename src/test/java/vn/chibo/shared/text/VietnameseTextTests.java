package vn.chibo.shared.text;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

	@Test
	void foldsDiacriticsCaseAndDStroke() {
		assertThat(VietnameseText.fold("NGUYỄN VĂN AN")).isEqualTo("nguyen van an");
		assertThat(VietnameseText.fold("Đỗ Thị Đào")).isEqualTo("do thi dao");
	}

	@Test
	void foldsDecomposedInputLikeComposed() {
		var nfd = Normalizer.normalize("Nguyễn Văn Ân", Normalizer.Form.NFD);
		assertThat(nfd).isNotEqualTo("Nguyễn Văn Ân");
		assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold("Nguyễn Văn Ân")).isEqualTo("nguyen van an");
	}

	@Test
	void cleansToNfcWithSingleSpaces() {
		var nfd = Normalizer.normalize("  Trần   Thị  Ánh ", Normalizer.Form.NFD);
		assertThat(VietnameseText.clean(nfd)).isEqualTo("Trần Thị Ánh");
		assertThat(Normalizer.isNormalized(VietnameseText.clean(nfd), Normalizer.Form.NFC)).isTrue();
		assertThat(VietnameseText.cleanOrNull("   ")).isNull();
	}

}
