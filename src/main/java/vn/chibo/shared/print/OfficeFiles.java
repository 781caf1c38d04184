package vn.chibo.shared.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * DOCX and XLSX files that are the same, byte for byte, for the same content: the time
 * the file was made is left out — of the package's properties and of its zip entries — so
 * a document downloaded today and after a restore are one file (docs/operations.md).
 */
public final class OfficeFiles {

	/** The zip entries' date: the earliest a zip can hold. */
	private static final long ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

	private static final Pattern TIMES = Pattern
		.compile("<dcterms:(created|modified)\\b[^>]*>[^<]*</dcterms:(created|modified)>");

	private OfficeFiles() {
	}

	/** The file written by Apache POI, without the time it was made. */
	public static byte[] reproducible(byte[] ooxml) {
		// Read with commons-compress: POI's entries carry their sizes after the data,
		// which java.util.zip's stream reader refuses.
		try (var in = ZipFile.builder().setByteArray(ooxml).get();
				var bytes = new ByteArrayOutputStream(ooxml.length)) {
			try (var out = new ZipOutputStream(bytes)) {
				for (var entry : Collections.list(in.getEntriesInPhysicalOrder())) {
					byte[] content;
					try (var data = in.getInputStream(entry)) {
						content = data.readAllBytes();
					}
					if (entry.getName().equals("docProps/core.xml")) {
						content = TIMES.matcher(new String(content, StandardCharsets.UTF_8))
							.replaceAll("")
							.getBytes(StandardCharsets.UTF_8);
					}
					var copy = new ZipEntry(entry.getName());
					copy.setTime(ENTRY_TIME);
					out.putNextEntry(copy);
					out.write(content);
					out.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
