package vn.chibo.study.checkin;

import java.io.IOException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.QrCodes;
import vn.chibo.study.StudyQueries;
import vn.chibo.study.StudyService;
import vn.chibo.study.web.StudyController;

/**
 * The QR check-in of a study session: the code shown on the screen at the session (the
 * roster is taken first if it was not), and a member's confirmation page.
 */
@Controller
class StudyCheckInController {

	private final StudyCheckIn checkIn;

	private final StudyService study;

	private final StudyQueries queries;

	StudyCheckInController(StudyCheckIn checkIn, StudyService study, StudyQueries queries) {
		this.checkIn = checkIn;
		this.study = study;
		this.queries = queries;
	}

	/** "Show the QR code": the roster is taken if not yet, then the code's page. */
	@PostMapping("/study/{id}/check-in-code")
	String start(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			study.takeRoster(user, id);
			checkIn.token(user, id);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
			return "redirect:/study/" + id + "/attendance";
		}
		return "redirect:/study/" + id + "/check-in-code";
	}

	@GetMapping("/study/{id}/check-in-code")
	String code(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		try {
			checkIn.token(user, id);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, ex);
			return "redirect:/study/" + id + "/attendance";
		}
		model.addAttribute("studySession", queries.session(user, id));
		model.addAttribute("counts", StudyController.Counts.of(queries.attendees(user, id)));
		model.addAttribute("minutes", checkIn.lifetime().toMinutes());
		model.addAttribute("nonce", System.nanoTime());
		return "study/check-in-code";
	}

	/**
	 * The code itself, with a fresh token each time; the page reloads it every minute.
	 */
	@GetMapping(path = "/study/{id}/check-in-code.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> png(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) throws IOException {
		String token;
		try {
			token = checkIn.token(user, id);
		}
		catch (BusinessRuleException ex) {
			return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
		}
		var url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/study/check-in")
			.queryParam("t", token)
			.build()
			.toUriString();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(url));
	}

	@GetMapping("/study/check-in")
	String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "t") String token, Model model) {
		model.addAttribute("token", token);
		try {
			model.addAttribute("target", checkIn.preview(user, token));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", new Flash.Message(ex.messageKey(), ex.arguments()));
		}
		return "study/check-in";
	}

	@PostMapping("/study/check-in")
	String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "t") String token, Model model) {
		model.addAttribute("token", token);
		try {
			model.addAttribute("done", checkIn.checkIn(user, token));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", new Flash.Message(ex.messageKey(), ex.arguments()));
		}
		return "study/check-in";
	}

}
