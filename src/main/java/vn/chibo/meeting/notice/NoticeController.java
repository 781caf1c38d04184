package vn.chibo.meeting.notice;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.text.VietnameseText;

import vn.chibo.meeting.MeetingQueries;

/** The printed notice of a meeting, as PDF (read in the browser) and DOCX. */
@Controller
@RequestMapping("/meetings")
class NoticeController {

	private final MeetingQueries meetings;

	private final NoticeDocument noticeDocument;

	NoticeController(MeetingQueries meetings, NoticeDocument noticeDocument) {
		this.meetings = meetings;
		this.noticeDocument = noticeDocument;
	}

	/** The printed notice of the meeting (thông báo), opened in the browser. */
	@GetMapping("/{id}/notice.pdf")
	ResponseEntity<byte[]> noticePdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return printed(noticeDocument.pdf(noticeDocument.of(user, id)), MediaType.APPLICATION_PDF,
				ContentDisposition.inline(), noticeName(user, id, "pdf"));
	}

	@GetMapping("/{id}/notice.docx")
	ResponseEntity<byte[]> noticeDocx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return printed(noticeDocument.docx(noticeDocument.of(user, id)),
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
				ContentDisposition.attachment(), noticeName(user, id, "docx"));
	}

	private String noticeName(CurrentUser user, long id, String extension) {
		var meeting = meetings.readable(user, id);
		return "thong-bao-" + VietnameseText.fold(meeting.branchName()).replace(' ', '-') + "-" + meeting.scheduledOn()
				+ "." + extension;
	}

	private static ResponseEntity<byte[]> printed(byte[] content, MediaType type,
			ContentDisposition.Builder disposition, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
