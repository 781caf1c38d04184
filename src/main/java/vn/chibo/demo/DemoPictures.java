package vn.chibo.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

import org.springframework.core.io.ClassPathResource;

/**
 * Pictures for the demo news, drawn by chibo itself (no downloaded pictures): a meeting
 * hall with its banner and the audience from behind, or a border gate under the
 * mountains. Drawn once when the demo loads, then stored through the same path as an
 * upload.
 */
final class DemoPictures {

	static final int WIDTH = 1200;

	static final int HEIGHT = 675;

	private static final Color RED = new Color(0xC8, 0x10, 0x2E);

	private static final Color GOLD = new Color(0xFF, 0xD7, 0x00);

	enum Scene {

		/** A hall: a red backdrop with the banner, flags, the presidium, the audience. */
		HALL,
		/** The same hall with the backdrop of a study session. */
		STUDY,
		/** A border gate or a port under the mountains, a flag on the roof. */
		GATE

	}

	private DemoPictures() {
	}

	/** A JPEG-ready PNG of the scene with the banner's text. */
	static byte[] draw(Scene scene, String banner, long seed) {
		var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		var random = new Random(seed);
		if (scene == Scene.GATE) {
			gate(g, banner, random);
		}
		else {
			hall(g, banner, scene == Scene.STUDY ? new Color(0x1F, 0x4E, 0x8C) : RED, random);
		}
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void hall(Graphics2D g, String banner, Color backdrop, Random random) {
		g.setPaint(new GradientPaint(0, 0, new Color(0xEF, 0xE6, 0xD2), 0, HEIGHT, new Color(0xC9, 0xB8, 0x96)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		// Backdrop with a gold frame, the star and the banner.
		g.setColor(backdrop);
		g.fillRect(170, 40, 860, 290);
		g.setColor(GOLD);
		g.setStroke(new BasicStroke(6));
		g.drawRect(182, 52, 836, 266);
		star(g, 265, 185, 62, GOLD);
		text(g, banner, 340, 990, 110, 300, GOLD);
		// Flags on both sides.
		flag(g, 70, 60, 300);
		flag(g, 1060, 60, 300);
		// The presidium's table and the lectern.
		g.setColor(new Color(0x8B, 0x1A, 0x1A));
		g.fillRect(230, 330, 740, 60);
		g.setColor(Color.WHITE);
		g.fillRect(230, 330, 740, 14);
		for (var x = 300; x < 960; x += 110) {
			person(g, x, 318, 0.55, random);
		}
		g.setColor(new Color(0x6B, 0x3E, 0x1F));
		g.fill(new Polygon(new int[] { 1000, 1090, 1075, 1015 }, new int[] { 300, 300, 420, 420 }, 4));
		star(g, 1045, 340, 14, GOLD);
		// The audience from behind, rows growing towards the viewer.
		for (var row = 0; row < 4; row++) {
			var scale = 0.7 + row * 0.22;
			var y = 455 + row * 62;
			var step = 78 * scale;
			for (var x = 40 + (row % 2) * step / 2; x < WIDTH; x += step) {
				if (random.nextInt(10) > 0) {
					person(g, (int) x, y, scale, random);
				}
			}
		}
	}

	private static void gate(Graphics2D g, String banner, Random random) {
		g.setPaint(new GradientPaint(0, 0, new Color(0x7E, 0xB6, 0xE8), 0, 380, new Color(0xD9, 0xEC, 0xF9)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		// Mountains, far then near.
		g.setColor(new Color(0x7F, 0xA0, 0x8C));
		g.fill(ridge(random, 300, 120));
		g.setColor(new Color(0x3E, 0x7A, 0x4F));
		g.fill(ridge(random, 360, 90));
		// Grass, then the road towards the gate.
		g.setColor(new Color(0x8D, 0xB5, 0x6A));
		g.fillRect(0, 420, WIDTH, HEIGHT - 420);
		g.setColor(new Color(0x9A, 0x9A, 0x9A));
		g.fill(new Polygon(new int[] { 520, 680, 1100, 100 }, new int[] { 420, 420, HEIGHT, HEIGHT }, 4));
		g.setColor(Color.WHITE);
		for (var y = 440; y < HEIGHT; y += 50) {
			var w = 4 + (y - 420) / 25;
			g.fillRect(600 - w / 2, y, w, 24);
		}
		// The building, its banner and a flag on the roof.
		g.setColor(new Color(0xF4, 0xF1, 0xE8));
		g.fillRect(300, 240, 600, 190);
		g.setColor(new Color(0x2E, 0x5C, 0x8A));
		g.fill(new Polygon(new int[] { 280, 920, 860, 340 }, new int[] { 240, 240, 200, 200 }, 4));
		g.setColor(RED);
		g.fillRect(340, 262, 520, 70);
		text(g, banner, 350, 850, 262, 332, GOLD);
		g.setColor(new Color(0x55, 0x55, 0x55));
		for (var x = 360; x < 880; x += 90) {
			g.fillRect(x, 350, 50, 80);
		}
		flag(g, 597, 90, 112);
		// Lorries at the gate.
		lorry(g, 140, 500, 1.0, new Color(0xD9, 0x8C, 0x1F));
		lorry(g, 760, 470, 0.8, new Color(0x2F, 0x6D, 0xB5));
	}

	private static Path2D ridge(Random random, int base, int height) {
		var path = new Path2D.Double();
		path.moveTo(0, 420);
		for (var x = 0; x <= WIDTH; x += 100) {
			path.lineTo(x, base - random.nextInt(height));
		}
		path.lineTo(WIDTH, 420);
		path.closePath();
		return path;
	}

	private static void lorry(Graphics2D g, int x, int y, double s, Color cab) {
		g.setColor(new Color(0xE8, 0xE8, 0xE8));
		g.fillRect(x, y, (int) (200 * s), (int) (90 * s));
		g.setColor(cab);
		g.fillRect(x + (int) (200 * s), y + (int) (25 * s), (int) (70 * s), (int) (65 * s));
		g.setColor(new Color(0x22, 0x22, 0x22));
		for (var wx : new int[] { 30, 150, 225 }) {
			g.fill(new Ellipse2D.Double(x + wx * s, y + 78 * s, 30 * s, 30 * s));
		}
	}

	/** Head and shoulders from behind. */
	private static void person(Graphics2D g, int x, int y, double s, Random random) {
		var shirts = new Color[] { Color.WHITE, new Color(0xDD, 0xE6, 0xF0), new Color(0x2C, 0x4A, 0x6E),
				new Color(0x3C, 0x6E, 0x47), new Color(0xF2, 0xF2, 0xEA) };
		g.setColor(shirts[random.nextInt(shirts.length)]);
		g.fill(new RoundRectangle2D.Double(x - 34 * s, y + 22 * s, 68 * s, 60 * s, 30 * s, 30 * s));
		g.setColor(new Color(0xE0, 0xB8, 0x94));
		g.fill(new Ellipse2D.Double(x - 8 * s, y + 12 * s, 16 * s, 14 * s));
		g.setColor(new Color(0x1B + random.nextInt(30), 0x16, 0x12));
		g.fill(new Ellipse2D.Double(x - 17 * s, y - 14 * s, 34 * s, 34 * s));
	}

	private static void flag(Graphics2D g, int x, int y, int pole) {
		g.setColor(new Color(0x6E, 0x6E, 0x6E));
		g.fillRect(x, y, 6, pole);
		g.setColor(RED);
		g.fillRect(x + 6, y + 6, 96, 64);
		star(g, x + 54, y + 38, 20, GOLD);
	}

	private static void star(Graphics2D g, int cx, int cy, int r, Color color) {
		var star = new Polygon();
		for (var i = 0; i < 10; i++) {
			var radius = (i % 2 == 0) ? r : r * 0.382;
			var angle = -Math.PI / 2 + i * Math.PI / 5;
			star.addPoint((int) Math.round(cx + radius * Math.cos(angle)),
					(int) Math.round(cy + radius * Math.sin(angle)));
		}
		g.setColor(color);
		g.fill(star);
	}

	/**
	 * The banner's text in capitals, wrapped and centred in the box, as large as fits.
	 */
	private static void text(Graphics2D g, String text, int left, int right, int top, int bottom, Color color) {
		var upper = text.toUpperCase(Locale.forLanguageTag("vi"));
		for (var size = 44; size >= 14; size -= 2) {
			var font = FONT.deriveFont((float) size);
			var metrics = g.getFontMetrics(font);
			var lines = wrap(upper, metrics, right - left);
			var height = lines.size() * metrics.getHeight();
			if (height <= bottom - top - 8) {
				g.setFont(font);
				g.setColor(color);
				var y = top + (bottom - top - height) / 2 + metrics.getAscent();
				for (var line : lines) {
					g.drawString(line, left + (right - left - metrics.stringWidth(line)) / 2, y);
					y += metrics.getHeight();
				}
				return;
			}
		}
	}

	private static List<String> wrap(String text, FontMetrics metrics, int width) {
		var lines = new ArrayList<String>();
		var line = new StringBuilder();
		for (var word : text.split(" ")) {
			var candidate = line.isEmpty() ? word : line + " " + word;
			if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		lines.add(line.toString());
		return lines;
	}

	private static final Font FONT = font();

	private static Font font() {
		try (var in = new ClassPathResource("fonts/DejaVuSerif-Bold.ttf").getInputStream()) {
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException | FontFormatException ex) {
			throw new IllegalStateException("The bundled font cannot be read", ex);
		}
	}

}
