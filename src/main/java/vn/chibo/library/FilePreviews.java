package vn.chibo.library;

import org.springframework.stereotype.Component;

import vn.chibo.shared.files.PreviewBackfill;

/** The library's Word files kept before V47, converted once to be read. */
@Component
class FilePreviews extends PreviewBackfill {

	FilePreviews() {
		super("49", "library_file");
	}

}
