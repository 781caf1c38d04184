package vn.chibo.shared.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes as PNG images, for the check-in codes shown at meetings and study sessions.
 */
public final class QrCodes {

	private QrCodes() {
	}

	/**
	 * The text as a QR code (medium error correction), 8 pixels a module, with its quiet
	 * zone.
	 */
	public static byte[] png(String text) throws IOException {
		var qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		var scale = 8;
		var border = 4;
		var size = (qr.size + border * 2) * scale;
		var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		for (var y = 0; y < size; y++) {
			for (var x = 0; x < size; x++) {
				var dark = qr.getModule(x / scale - border, y / scale - border);
				image.setRGB(x, y, dark ? Color.BLACK.getRGB() : Color.WHITE.getRGB());
			}
		}
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
