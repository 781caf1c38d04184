package vn.chibo.study.similarity;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.chibo.shared.text.VietnameseText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy check's rule, without Spring: runs of six words compared without diacritics.
 */
public class ShinglesTests {

	public static final String FIRST = """
			Qua hội nghị học tập chuyên đề năm nay, tôi nhận thức sâu sắc hơn về tấm gương đạo đức của Bác và
			trách nhiệm nêu gương của người đảng viên ở cửa khẩu. Bản thân tôi còn hạn chế trong việc chủ động đề
			xuất cải tiến quy trình kiểm tra hàng hóa, đôi khi còn ngại va chạm khi góp ý đồng nghiệp. Từ nay tôi
			sẽ dành mỗi tuần một buổi đọc tài liệu nghiệp vụ mới, kèm cặp hai đồng chí trẻ trong đội, và nói
			thẳng những việc chưa đúng trong sinh hoạt chi bộ. Tôi cam kết không để doanh nghiệp phải chờ đợi quá
			thời gian quy định, giải quyết hồ sơ trong ngày khi đủ điều kiện.""";

	public static final String SECOND = """
			Sau buổi quán triệt, điều đọng lại với tôi là yêu cầu làm việc khoa học và tiết kiệm. Ở phòng nghiệp
			vụ, tôi thường để việc dồn đến cuối tháng mới xử lý, nên sắp tới sẽ lập kế hoạch theo tuần và báo cáo
			bí thư chi bộ. Tôi sẽ học thêm tiếng Lào để phục vụ cư dân biên giới, tham gia đầy đủ các buổi sinh
			hoạt, phát biểu ít nhất một ý kiến mỗi kỳ. Gia đình tôi cũng thống nhất thực hành tiết kiệm điện nước
			và giữ nếp sống văn minh ở khu dân cư nơi cư trú.""";

	@Test
	void anIndependentReflectionSharesAlmostNothingAndACopyIsFound() {
		var first = Shingles.words(FIRST).hashes();
		var second = Shingles.words(SECOND).hashes();
		assertThat(Shingles.share(second, Shingles.set(first))).isLessThan(Shingles.FLOOR);
		// Sixty per cent of the first, word for word but typed without diacritics and
		// in capitals, then a part of one's own.
		var words = FIRST.split("\\s+");
		var copied = String.join(" ", Arrays.copyOf(words, words.length * 6 / 10));
		var mixed = VietnameseText.fold(copied).toUpperCase(Locale.ROOT) + " "
				+ SECOND.substring(0, SECOND.length() / 2);
		var share = Shingles.share(Shingles.words(mixed).hashes(), Shingles.set(first));
		assertThat(share).isGreaterThanOrEqualTo(Shingles.FLAG);
	}

	@Test
	void theOverlappingWordsAreMarkedAsTyped() {
		var other = Shingles.set(Shingles.words("một hai ba bốn năm sáu bảy").hashes());
		var segments = Shingles.words("không, Một hai ba bốn năm sáu! tám").marked(other);
		assertThat(segments).containsExactly(new Shingles.Segment("không,", false),
				new Shingles.Segment("Một hai ba bốn năm sáu!", true), new Shingles.Segment("tám", false));
	}

	@Test
	void aTextShorterThanAShingleSharesNothing() {
		assertThat(Shingles.words("ngắn quá").hashes()).isEmpty();
		assertThat(Shingles.share(new long[0], Shingles.set(Shingles.words(FIRST).hashes()))).isZero();
	}

}
