package vn.chibo.shared.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A generated or stored file as a response: its type, and its name (Vietnamese kept, RFC
 * 6266) either to open in the browser (a PDF) or to save.
 */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name, boolean inline) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(inline ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename(name, StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

}
