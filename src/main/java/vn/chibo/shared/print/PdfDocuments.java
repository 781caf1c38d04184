package vn.chibo.shared.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.BreakIterator;
import java.util.Locale;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a print template (XHTML, {@code templates/print/…}) to PDF with DejaVu Serif,
 * bundled so Vietnamese prints the same on every server: the minutes and the reports
 * share it.
 */
@Component
public class PdfDocuments {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final TemplateEngine templates;

	PdfDocuments(TemplateEngine templates) {
		this.templates = templates;
	}

	/** The template {@code template} with {@code doc} as its model, as PDF bytes. */
	public byte[] render(String template, Object doc) {
		var context = new Context(VI);
		context.setVariable("doc", doc);
		var html = templates.process(template, context);
		try (var out = new ByteArrayOutputStream()) {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.useUnicodeLineBreaker(new SlashedWordsWhole());
			font(builder, "fonts/DejaVuSerif.ttf", 400, PdfRendererBuilder.FontStyle.NORMAL);
			font(builder, "fonts/DejaVuSerif-Bold.ttf", 700, PdfRendererBuilder.FontStyle.NORMAL);
			font(builder, "fonts/DejaVuSerif-Italic.ttf", 400, PdfRendererBuilder.FontStyle.ITALIC);
			builder.toStream(OutputStream.nullOutputStream());
			try (var renderer = builder.buildPdfRenderer()) {
				renderer.createPDFWithoutClosing();
				// The same record gives the same file, byte for byte (a restored backup
				// serves what the original did; docs/operations.md): no creation time,
				// and the file's identifier taken from its content.
				var pdf = renderer.getPdfDocument();
				pdf.getDocumentInformation().setCreationDate(null);
				pdf.setDocumentId(identifier(html));
				pdf.save(out);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long identifier(String html) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Lines break where Vietnamese text breaks, but never inside a word with a slash: a
	 * date ("05/06/2020"), a document's number ("12-HD/BTCTW") or "(b/c)" stays whole
	 * (docs/domain.md §16: the date never breaks).
	 */
	static final class SlashedWordsWhole implements FSTextBreaker {

		private final BreakIterator lines = BreakIterator.getLineInstance(VI);

		private String text = "";

		@Override
		public void setText(String newText) {
			text = newText;
			lines.setText(newText);
		}

		@Override
		public int next() {
			var at = lines.next();
			while (at != BreakIterator.DONE && insideSlashedWord(at)) {
				at = lines.next();
			}
			return at;
		}

		private boolean insideSlashedWord(int at) {
			if (at <= 0 || at >= text.length()) {
				return false;
			}
			var before = text.charAt(at - 1);
			var after = text.charAt(at);
			return (before == '/' || after == '/') && !Character.isWhitespace(before) && !Character.isWhitespace(after);
		}

	}

	private static void font(PdfRendererBuilder builder, String path, int weight, PdfRendererBuilder.FontStyle style) {
		builder.useFont(() -> {
			try {
				return new ClassPathResource(path).getInputStream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, "Serif", weight, style, true);
	}

}
