package vn.chibo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Pictures made on the spot for upload tests: one colour, any size, any format ImageIO
 * writes.
 */
public final class TestImages {

	private TestImages() {
	}

	public static byte[] jpeg(int width, int height, Color color) {
		return encode(width, height, color, "jpeg");
	}

	public static byte[] encode(int width, int height, Color color, String format) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The text of a QR code image as chibo draws it: the code alone, module-aligned with
	 * its quiet zone, so the grid is read directly rather than searched for finder
	 * patterns (which fails on some codes).
	 */
	public static String qrText(byte[] png) throws Exception {
		var image = ImageIO.read(new ByteArrayInputStream(png));
		var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
	}

}
