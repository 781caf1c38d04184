package vn.chibo;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A printed PDF read back as the text runs it draws, by page and position: words on the
 * same baseline are joined into one run unless a column gap (more than 12 pt) separates
 * them (across a run too), so the left and right columns of a letterhead or a signature
 * block stay apart.
 */
public final class PrintedPages {

	/**
	 * A run of text: its page (1-based), where it starts and ends across, its baseline.
	 */
	public record Run(int page, float x, float endX, float y, String text) {

		public float center() {
			return (x + endX) / 2;
		}

	}

	private record Word(int page, float x, float endX, float y, String text) {
	}

	private static final float COLUMN_GAP = 12;

	private final List<Run> runs;

	private final float width;

	private final int pages;

	private PrintedPages(List<Run> runs, float width, int pages) {
		this.runs = runs;
		this.width = width;
		this.pages = pages;
	}

	public static PrintedPages read(byte[] pdf) {
		try (var document = Loader.loadPDF(pdf)) {
			var words = new ArrayList<Word>();
			var stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					// Cut where the glyphs jump across a column gap, whatever the
					// stripper
					// joined.
					var word = new StringBuilder();
					TextPosition first = null;
					TextPosition previous = null;
					for (var position : positions) {
						if (previous != null && position.getXDirAdj()
								- (previous.getXDirAdj() + previous.getWidthDirAdj()) > COLUMN_GAP) {
							add(words, getCurrentPageNo(), first, previous, word);
							first = null;
						}
						if (first == null) {
							first = position;
							word.setLength(0);
						}
						word.append(position.getUnicode());
						previous = position;
					}
					if (first != null) {
						add(words, getCurrentPageNo(), first, previous, word);
					}
				}
			};
			stripper.setSortByPosition(true);
			stripper.getText(document);
			return new PrintedPages(join(words), document.getPage(0).getMediaBox().getWidth(),
					document.getNumberOfPages());
		}
		catch (IOException ex) {
			throw new AssertionError("not a readable PDF", ex);
		}
	}

	private static void add(List<Word> words, int page, TextPosition first, TextPosition last, CharSequence text) {
		var word = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
		if (!word.isEmpty()) {
			words.add(new Word(page, first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), first.getYDirAdj(),
					word));
		}
	}

	private static List<Run> join(List<Word> words) {
		Map<String, List<Word>> lines = new TreeMap<>();
		for (var word : words) {
			lines
				.computeIfAbsent("%04d/%08.1f".formatted(word.page(), Math.round(word.y() * 2) / 2.0),
						(k) -> new ArrayList<>())
				.add(word);
		}
		var runs = new ArrayList<Run>();
		for (var line : lines.values()) {
			line.sort(Comparator.comparingDouble(Word::x));
			Word start = null;
			var text = new StringBuilder();
			float end = 0;
			for (var word : line) {
				if (start != null && word.x() - end > COLUMN_GAP) {
					runs.add(new Run(start.page(), start.x(), end, start.y(), text.toString()));
					start = null;
				}
				if (start == null) {
					start = word;
					text.setLength(0);
				}
				else {
					text.append(' ');
				}
				text.append(word.text());
				end = word.endX();
			}
			if (start != null) {
				runs.add(new Run(start.page(), start.x(), end, start.y(), text.toString()));
			}
		}
		return runs;
	}

	public List<Run> runs() {
		return runs;
	}

	public int pages() {
		return pages;
	}

	public float width() {
		return width;
	}

	/**
	 * The first run whose text contains {@code text}, or a failure naming what was
	 * printed.
	 */
	public Run find(String text) {
		return runs.stream()
			.filter((r) -> r.text().contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("\"" + text + "\" is not printed; printed: " + runs));
	}

	/** The runs of one page, from top to bottom. */
	public List<Run> page(int page) {
		return runs.stream().filter((r) -> r.page() == page).toList();
	}

}
