package vn.chibo.shared.print;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same workbook written twice, at different times, is one file (docs/operations.md).
 */
class OfficeFilesTests {

	@Test
	void theTimeAFileWasMadeIsLeftOut() throws Exception {
		var first = workbook(new Date(1_700_000_000_000L));
		var second = workbook(new Date(1_800_000_000_000L));
		assertThat(first).isNotEqualTo(second);
		assertThat(OfficeFiles.reproducible(first)).isEqualTo(OfficeFiles.reproducible(second));
		try (var read = new XSSFWorkbook(new ByteArrayInputStream(OfficeFiles.reproducible(first)))) {
			assertThat(read.getSheet("Đảng viên").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Nguyễn Văn An");
			assertThat(read.getProperties().getCoreProperties().getCreated()).isNull();
		}
	}

	private static byte[] workbook(Date created) throws IOException {
		try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			book.createSheet("Đảng viên").createRow(0).createCell(0).setCellValue("Nguyễn Văn An");
			book.getProperties().getCoreProperties().setCreated(Optional.of(created));
			book.write(out);
			return out.toByteArray();
		}
	}

}
