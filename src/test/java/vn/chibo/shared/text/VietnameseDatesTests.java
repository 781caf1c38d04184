package vn.chibo.shared.text;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VietnameseDatesTests {

	@Test
	void readsDatesAsVietnameseUsersTypeThem() {
		var expected = LocalDate.of(1992, 2, 3);
		for (var typed : new String[] { "3/2/1992", "03/02/1992", "3-2-1992", "03.02.1992", "03021992", "1992-02-03",
				" 3 / 2 / 1992 " }) {
			assertThat(VietnameseDates.date(typed)).as(typed).isEqualTo(expected);
		}
		assertThat(VietnameseDates.date(" ")).isNull();
		for (var wrong : new String[] { "30/02/1990", "25-13-2026", "1/1/2147483647", "-1", "1400", "hôm qua",
				"1\u00002/2026", "9".repeat(200) }) {
			assertThatThrownBy(() -> VietnameseDates.date(wrong)).as(wrong)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void readsTimesAsVietnameseUsersTypeThem() {
		var eight = LocalTime.of(8, 0);
		for (var typed : new String[] { "8h00", "8h", "8H", "08:00", "8:00", "800", "0800", "8 giờ", "8g00", "8" }) {
			assertThat(VietnameseDates.time(typed)).as(typed).isEqualTo(eight);
		}
		assertThat(VietnameseDates.time("14h30")).isEqualTo(LocalTime.of(14, 30));
		assertThat(VietnameseDates.time("14 giờ 30 phút")).isEqualTo(LocalTime.of(14, 30));
		assertThat(VietnameseDates.time("1400")).isEqualTo(LocalTime.of(14, 0));
		for (var wrong : new String[] { "25h00", "14:75", "2147483647", "sáng", "8h00\u0000" }) {
			assertThatThrownBy(() -> VietnameseDates.time(wrong)).as(wrong)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

}
