package vn.chibo.meeting.calendar;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.chibo.shared.security.CurrentUser;

import vn.chibo.meeting.MeetingQueries;

/**
 * The addresses of a member's and a branch's calendar feeds, and the feeds themselves.
 */
@Controller
class CalendarController {

	private final CalendarFeeds feeds;

	private final MeetingQueries queries;

	CalendarController(CalendarFeeds feeds, MeetingQueries queries) {
		this.feeds = feeds;
		this.queries = queries;
	}

	@GetMapping("/meetings/calendar-feeds")
	String addresses(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long branchId,
			Model model) {
		var base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/").toUriString();
		model.addAttribute("isMember", user.memberId() != null);
		feeds.existingMemberToken(user).ifPresent((token) -> model.addAttribute("memberFeed", base + token + ".ics"));
		var branches = queries.branches(user, null);
		// A branch outside the user's scope is not offered: the page shows the member's
		// own feed.
		var chosen = branches.stream()
			.filter((b) -> (branchId != null) ? b.id() == branchId : branches.size() == 1)
			.findFirst()
			.orElse(null);
		if (chosen != null) {
			feeds.existingBranchToken(user, chosen.id())
				.ifPresent((token) -> model.addAttribute("branchFeed", base + token + ".ics"));
			model.addAttribute("branchName", chosen.name());
		}
		model.addAttribute("branches", branches);
		model.addAttribute("branchId", (chosen != null) ? chosen.id() : null);
		return "meeting/calendar-feeds";
	}

	/** Makes the secret address of the member's own feed, or of a branch's. */
	@PostMapping("/meetings/calendar-feeds")
	String make(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long branchId) {
		if (branchId != null) {
			feeds.branchToken(user, branchId);
			return "redirect:/meetings/calendar-feeds?branchId=" + branchId;
		}
		feeds.memberToken(user);
		return "redirect:/meetings/calendar-feeds";
	}

	@GetMapping(path = "/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return feeds.feed(token)
			.map((body) -> ResponseEntity.ok()
				.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noCache())
				.body(body))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
