package vn.chibo.meeting.preparation;

import org.springframework.stereotype.Component;

import vn.chibo.shared.files.PreviewBackfill;

/**
 * The meeting documents' Word files converted again: V46 underlined every run that had no
 * underline.
 */
@Component
class DocumentPreviews extends PreviewBackfill {

	DocumentPreviews() {
		super("48", "meeting_document");
	}

}
