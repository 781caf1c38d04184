package vn.chibo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

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

}
