package vn.chibo.shared.print;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The page of a Word document in the Party's layout. */
public final class WordPages {

	private WordPages() {
	}

	/**
	 * A4 portrait with margins of 20/20/30/15 mm (top/bottom/left/right; docs/domain.md
	 * §16), in twentieths of a point.
	 */
	public static void a4(XWPFDocument word) {
		var page = word.getDocument().getBody().addNewSectPr();
		var size = page.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		var margins = page.addNewPgMar();
		margins.setTop(BigInteger.valueOf(1134));
		margins.setBottom(BigInteger.valueOf(1134));
		margins.setLeft(BigInteger.valueOf(1701));
		margins.setRight(BigInteger.valueOf(850));
	}

}
