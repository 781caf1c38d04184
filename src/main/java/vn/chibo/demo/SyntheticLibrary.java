package vn.chibo.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.chibo.library.DocumentKind;
import vn.chibo.library.LibraryForm;
import vn.chibo.library.LibraryService;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * A large synthetic library for the search benchmark in {@code bench/}: documents with a
 * DOCX of generated Vietnamese text each, added through the library's own service, so the
 * measured data has the same pages and search vectors as real files. Off unless
 * {@code chibo.demo.synthetic-documents} is set.
 */
@Component
class SyntheticLibrary {

	private static final Logger log = LoggerFactory.getLogger(SyntheticLibrary.class);

	private static final List<String> WORDS = List.of("chi bộ", "đảng viên", "nghị quyết", "sinh hoạt", "cấp ủy",
			"kiểm tra", "giám sát", "học tập", "quán triệt", "thực hiện", "nhiệm vụ", "chính trị", "tổ chức", "cơ sở",
			"nâng cao", "chất lượng", "đánh giá", "xếp loại", "hằng năm", "kế hoạch", "chương trình", "báo cáo",
			"kết luận", "hướng dẫn", "quy định", "tư tưởng", "đạo đức", "phong cách", "Hồ Chí Minh", "cán bộ",
			"công chức", "hải quan", "cửa khẩu", "ngân sách", "thủ tục", "cải cách", "chuyển đổi số", "tự phê bình",
			"phê bình", "dân chủ", "kỷ luật", "kỷ cương", "đoàn kết", "thống nhất", "lãnh đạo", "chỉ đạo", "điều hành",
			"phối hợp", "trách nhiệm", "gương mẫu", "người đứng đầu", "quần chúng", "tuyên truyền", "vận động",
			"thi đua", "khen thưởng", "bồi dưỡng", "lý luận", "đào tạo", "năng lực");

	private static final String[] ISSUERS = { "Ban Bí thư Trung ương Đảng", "Bộ Chính trị", "Ban Tổ chức Trung ương",
			"Ban Tuyên giáo Trung ương", "Ủy ban Kiểm tra Trung ương", "Ban Thường vụ Tỉnh ủy Hà Tĩnh",
			"Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Cục Hải quan tỉnh Hà Tĩnh" };

	private static final String[] SYMBOLS = { "NQ/TW", "CT/TW", "KL/TW", "HD/BTCTW", "QĐ/TW", "HD/UBKTTW", "QĐ/TU",
			"KH/ĐU" };

	private final LibraryService library;

	SyntheticLibrary(LibraryService library) {
		this.library = library;
	}

	void add(long committeeId, int count) {
		var system = new CurrentUser(0, committeeId, "system", "", "system", Role.ADMIN, 0, null, true, false);
		var random = new Random(20_000);
		var kinds = DocumentKind.values();
		for (var i = 0; i < count; i++) {
			var issuer = random.nextInt(ISSUERS.length);
			var form = new LibraryForm();
			form.setNumber((1000 + i) + "-" + SYMBOLS[issuer]);
			form.setKind(kinds[random.nextInt(kinds.length)]);
			form.setIssuer(ISSUERS[issuer]);
			form.setIssuedOn(LocalDate.of(2000 + random.nextInt(26), 1 + random.nextInt(12), 1 + random.nextInt(28)));
			form.setTitle("Về " + sentence(random, 6));
			form.setSummary(sentence(random, 30));
			form.setInternal(random.nextInt(10) == 0);
			var text = new StringBuilder();
			while (text.length() < 4_000) {
				text.append(sentence(random, 12)).append('\n');
			}
			var file = library.prepare(system, "van-ban-" + i + ".docx", docx(text.toString()));
			library.create(system, form, file);
			if ((i + 1) % 1_000 == 0) {
				log.info("Synthetic library: {} documents", i + 1);
			}
		}
	}

	private static String sentence(Random random, int words) {
		var sentence = new StringBuilder();
		for (var w = 0; w < words; w++) {
			sentence.append((w == 0) ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
		}
		return sentence.append('.').toString();
	}

	private static byte[] docx(String text) {
		try (var word = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			for (var line : text.split("\n")) {
				word.createParagraph().createRun().setText(line);
			}
			word.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
