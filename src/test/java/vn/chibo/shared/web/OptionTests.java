package vn.chibo.shared.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A select list's choices written once as HTML, their labels escaped. */
class OptionTests {

	@Test
	void choicesAreOptionsWithTheCurrentOneSelected() {
		var html = Option.html(List.of(new Option(3, "Chi bộ <Văn phòng> & \"Tổng hợp\"", false),
				new Option(4, "Chi bộ Nghiệp vụ", true)));

		var options = Jsoup.parseBodyFragment("<select>" + html + "</select>").select("option");
		assertThat(options.eachAttr("value")).containsExactly("3", "4");
		assertThat(options.eachText()).containsExactly("Chi bộ <Văn phòng> & \"Tổng hợp\"", "Chi bộ Nghiệp vụ");
		assertThat(options.get(0).hasAttr("selected")).isFalse();
		assertThat(options.get(1).hasAttr("selected")).isTrue();
		assertThat(html).doesNotContain("<Văn").contains("&lt;Văn phòng&gt; &amp; &quot;Tổng hợp&quot;");
		assertThat(Option.html(List.of())).isEmpty();
	}

}
