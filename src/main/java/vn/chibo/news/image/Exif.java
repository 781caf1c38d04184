package vn.chibo.news.image;

/**
 * Reads the one EXIF field chibo needs from a JPEG: the orientation a phone records when
 * it is held sideways (tag 0x0112 of the first image directory). Anything unexpected
 * answers 1, upright.
 */
public final class Exif {

	private Exif() {
	}

	public static int orientation(byte[] jpeg) {
		try {
			if (u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
				return 1;
			}
			var at = 2;
			while (at + 4 <= jpeg.length && u8(jpeg, at) == 0xFF) {
				var marker = u8(jpeg, at + 1);
				var length = (u8(jpeg, at + 2) << 8) | u8(jpeg, at + 3);
				if (marker == 0xDA || marker == 0xD9) {
					return 1;
				}
				if (marker == 0xE1 && length >= 8 && jpeg[at + 4] == 'E' && jpeg[at + 5] == 'x' && jpeg[at + 6] == 'i'
						&& jpeg[at + 7] == 'f') {
					return fromTiff(jpeg, at + 10);
				}
				at += 2 + length;
			}
		}
		catch (ArrayIndexOutOfBoundsException ex) {
			// A truncated or broken header: treat the picture as upright.
		}
		return 1;
	}

	private static int fromTiff(byte[] b, int tiff) {
		var little = b[tiff] == 'I' && b[tiff + 1] == 'I';
		var ifd = tiff + u32(b, tiff + 4, little);
		var entries = u16(b, ifd, little);
		for (var i = 0; i < entries; i++) {
			var entry = ifd + 2 + i * 12;
			if (u16(b, entry, little) == 0x0112) {
				var value = u16(b, entry + 8, little);
				return (value >= 1 && value <= 8) ? value : 1;
			}
		}
		return 1;
	}

	private static int u8(byte[] b, int at) {
		return b[at] & 0xFF;
	}

	private static int u16(byte[] b, int at, boolean little) {
		return little ? (u8(b, at) | (u8(b, at + 1) << 8)) : ((u8(b, at) << 8) | u8(b, at + 1));
	}

	private static int u32(byte[] b, int at, boolean little) {
		return little ? (u16(b, at, true) | (u16(b, at + 2, true) << 16))
				: ((u16(b, at, false) << 16) | u16(b, at + 2, false));
	}

}
