package vn.chibo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import vn.chibo.shared.print.PdfDocuments;

/** PDF and DOCX files with Vietnamese text, as an office scans or types them. */
public final class TestDocuments {

	/** What print/library-document draws. */
	public record Print(String superior, String issuer, String number, String party, String placeDate, String title,
			String subtitle, List<String> paragraphs, String note) {
	}

	private TestDocuments() {
	}

	public static byte[] pdf(PdfDocuments pdf, String... paragraphs) {
		return pdf.render("print/library-document", new Print("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC", "Số 1",
				"ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội", "HƯỚNG DẪN", "Thử nghiệm", List.of(paragraphs), "Bản thử nghiệm"));
	}

	public static byte[] docx(String text) throws IOException {
		try (var word = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			word.createParagraph().createRun().setText(text);
			word.write(out);
			return out.toByteArray();
		}
	}

}
