package vn.chibo.demo;

import java.util.List;
import java.util.Random;

/**
 * Generated Vietnamese names with the demo weights of docs/domain.md §18 (Hà Tĩnh family
 * names; Văn ≈ 40% of men's middle names, Thị ≈ 55% of women's, two middle names for ≈
 * 30% of women). All fictional.
 */
final class DemoNames {

	private static final String[] FAMILIES = { "Nguyễn", "Trần", "Lê", "Phan", "Hoàng", "Võ", "Hồ", "Phạm", "Đặng",
			"Bùi", "Thái", "Đậu", "Ngô", "Dương", "Cao", "Đinh", "Trương", "Lương", "Đỗ", "Hà", "Mai", "Tôn" };

	private static final int[] FAMILY_WEIGHTS = { 33, 10, 9, 5, 5, 4, 4, 4, 3, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2 };

	private static final List<String> MALE_MIDDLES = List.of("Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân",
			"Đình", "Quang", "Hoàng", "Ngọc", "Mạnh", "Trọng", "Tiến");

	private static final List<String> FEMALE_MIDDLES = List.of("Ngọc", "Thu", "Thanh", "Phương", "Minh", "Kim", "Thúy",
			"Hồng", "Bích", "Mai", "Hoài", "Diệu", "Lan");

	private static final List<String> MALE_GIVEN = List.of("Tuấn", "Hoàng", "Huy", "Anh", "Hiếu", "Hùng", "Nam", "Sơn",
			"Đức", "Dũng", "Thành", "Đạt", "Cường", "Long", "Trung", "Hải", "Thắng", "Minh", "Tiến", "Quang", "Phúc",
			"Trường", "Tài", "Toàn", "Hưng", "Phong", "Tùng", "Khánh", "Quân", "Nghĩa", "Lâm", "Vinh", "Bình", "Mạnh",
			"Việt", "Thịnh", "Hòa", "Tâm", "Hiệp", "Tân", "An");

	private static final List<String> FEMALE_GIVEN = List.of("Trang", "Thảo", "Linh", "Anh", "Phương", "Hằng", "Huyền",
			"Hiền", "Hương", "Ngọc", "Dung", "Nhung", "Thủy", "Duyên", "Vân", "Quỳnh", "Nga", "Yến", "Trinh", "Hạnh",
			"Ngân", "Oanh", "Ly", "Mai", "Phượng", "Thúy", "Hoa", "Hồng", "Tâm", "Thu", "Giang", "Loan", "Thanh", "Lan",
			"Chi", "Huệ", "Nguyệt", "Tuyết", "Liên", "Xuân", "Bình", "Ánh", "Đào");

	private final Random random;

	DemoNames(Random random) {
		this.random = random;
	}

	String next(boolean female) {
		var family = family();
		if (female) {
			var middle = (random.nextInt(100) < 55) ? "Thị" : pick(FEMALE_MIDDLES);
			if (random.nextInt(100) < 30) {
				middle = middle + " " + pick(FEMALE_MIDDLES.stream().filter((m) -> !m.equals("Thị")).toList());
			}
			return family + " " + middle + " " + pick(FEMALE_GIVEN);
		}
		var middle = (random.nextInt(100) < 40) ? "Văn" : pick(MALE_MIDDLES);
		return family + " " + middle + " " + pick(MALE_GIVEN);
	}

	private String family() {
		var total = 0;
		for (var weight : FAMILY_WEIGHTS) {
			total += weight;
		}
		var draw = random.nextInt(total);
		for (var i = 0; i < FAMILIES.length; i++) {
			draw -= FAMILY_WEIGHTS[i];
			if (draw < 0) {
				return FAMILIES[i];
			}
		}
		return FAMILIES[0];
	}

	private String pick(List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

}
