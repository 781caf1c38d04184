package vn.chibo.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.Sheets;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;
import vn.chibo.shared.web.Years;

/**
 * The training pages: the year's plan against what was done with its courses, a course
 * with its enrolments (proposed → approved → enrolled → completed with the certificate),
 * and the members' theory levels by branch with the posts that need a higher one.
 */
@Controller
@RequestMapping("/training")
class TrainingController {

	/**
	 * Posts that need at least intermediate political theory [R: docs/domain.md §4 "trung
	 * cấp (grassroots leaders)"]: the branch's secretary and deputy, the committee's.
	 */
	static final EnumSet<Post> LEADING_POSTS = EnumSet.of(Post.SECRETARY, Post.DEPUTY_SECRETARY,
			Post.COMMITTEE_SECRETARY, Post.COMMITTEE_DEPUTY_SECRETARY);

	private final TrainingQueries queries;

	private final TrainingService training;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final Clock clock;

	private final MessageSource messages;

	TrainingController(TrainingQueries queries, TrainingService training, MemberQueries members,
			OrganizationQueries organizations, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.queries = queries;
		this.training = training;
		this.members = members;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping
	String plan(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		var shown = Years.shown(year, clock, 2000);
		model.addAttribute("year", shown);
		model.addAttribute("years", Years.choices(queries.years(user), shown));
		model.addAttribute("courses", queries.courses(user, shown));
		model.addAttribute("plan", queries.plan(user, shown));
		model.addAttribute("figures", queries.figures(user, shown));
		model.addAttribute("mine", queries.mine(user));
		model.addAttribute("manages", queries.manages(user));
		model.addAttribute("statuses", EnrolmentStatus.values());
		return "training/plan";
	}

	/**
	 * The year's plan as a spreadsheet: each member sent, the course and where it stands.
	 */
	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportPlan(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		var shown = Years.shown(year, clock, 2000);
		var date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
		var rows = new ArrayList<List<?>>();
		for (var e : queries.plan(user, shown)) {
			rows.add(List.of(rows.size() + 1, e.fullName(), e.branchName(), e.courseTitle(),
					messages.getMessage("training.status." + e.status(), null, locale),
					(e.certificateNo() != null) ? e.certificateNo() : "",
					(e.completedOn() != null) ? date.format(e.completedOn()) : ""));
		}
		var headings = Stream
			.of("study.column.number", "training.column.member", "training.column.branch", "training.column.course",
					"training.column.status", "training.field.certificateNo", "training.field.completedOn")
			.map((k) -> messages.getMessage(k, null, locale))
			.toList();
		return Sheets.download("dao-tao-" + shown + ".xlsx",
				Sheets.workbook(
						messages.getMessage("training.plan.title", new Object[] { String.valueOf(shown) }, locale),
						headings, rows));
	}

	@GetMapping("/levels")
	String levels(@AuthenticationPrincipal CurrentUser user, Model model) {
		TrainingQueries.requireReader(user);
		if (!user.role().readsMemberRecords()) {
			throw new AccessDeniedException("training");
		}
		// Branch → level → members, branches in code order.
		var table = new LinkedHashMap<String, Map<TheoryLevel, Long>>();
		var totals = new EnumMap<TheoryLevel, Long>(TheoryLevel.class);
		for (var count : members.theoryLevels(user)) {
			table.computeIfAbsent(count.branchName(), (k) -> new EnumMap<>(TheoryLevel.class))
				.put(count.level(), count.members());
			totals.merge(count.level(), count.members(), Long::sum);
		}
		model.addAttribute("table", table);
		model.addAttribute("totals", totals);
		model.addAttribute("levels", TheoryLevel.values());
		model.addAttribute("gaps", members.postsBelow(user, LEADING_POSTS, TheoryLevel.INTERMEDIATE));
		return "training/levels";
	}

	@GetMapping("/courses/new")
	String newCourse(@AuthenticationPrincipal CurrentUser user, Model model) {
		TrainingService.requireManager(user);
		var form = new CourseForm();
		form.setKind(CourseKind.THEORY);
		form.setLevel(TheoryLevel.INTERMEDIATE);
		form.setMode(CourseMode.PART_TIME);
		model.addAttribute("form", form);
		return courseForm(model);
	}

	@PostMapping("/courses")
	String createCourse(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") CourseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		TrainingService.requireManager(user);
		if (!result.hasErrors()) {
			try {
				var id = training.createCourse(user, form);
				Flash.success(redirect, "training.flash.created", form.getTitle());
				return "redirect:/training/courses/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		return courseForm(model);
	}

	@GetMapping("/courses/{id}")
	String course(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var course = queries.course(user, id);
		model.addAttribute("course", course);
		model.addAttribute("enrolments", queries.enrolments(user, id));
		var manages = queries.manages(user);
		model.addAttribute("manages", manages);
		model.addAttribute("statuses", EnrolmentStatus.values());
		if (manages) {
			model.addAttribute("people", members.choices(user, LocalDate.now(clock)));
		}
		return "training/course";
	}

	@GetMapping("/courses/{id}/edit")
	String editCourse(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		TrainingService.requireManager(user);
		var course = queries.course(user, id);
		var form = new CourseForm();
		form.setKind(course.kind());
		form.setLevel(course.level());
		form.setTitle(course.title());
		form.setProvider(course.provider());
		form.setStartsOn(course.startsOn());
		form.setEndsOn(course.endsOn());
		form.setMode(course.mode());
		form.setVersion(course.version());
		model.addAttribute("course", course);
		model.addAttribute("form", form);
		return courseForm(model);
	}

	@PostMapping("/courses/{id}")
	String updateCourse(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") CourseForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TrainingService.requireManager(user);
		var course = queries.course(user, id);
		if (!result.hasErrors()) {
			try {
				training.updateCourse(user, id, form);
				Flash.success(redirect, "training.flash.updated", form.getTitle());
				return "redirect:/training/courses/" + id;
			}
			catch (BusinessRuleException ex) {
				Flash.reject(result, ex);
			}
		}
		model.addAttribute("course", course);
		return courseForm(model);
	}

	@PostMapping("/courses/{id}/enrolments")
	String propose(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long memberId,
			@RequestParam(required = false) @Nullable Integer planYear,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		Flash.run(redirect, "training.flash.proposed", () -> training.propose(user, id, memberId, planYear, note));
		return "redirect:/training/courses/" + id + "#enrolments";
	}

	@PostMapping("/enrolments/{id}")
	String change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable EnrolmentStatus status,
			@RequestParam(required = false) @Nullable String certificateNo,
			@RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate completedOn,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		var enrolment = queries.enrolment(user, id).orElseThrow(NotFoundException::new);
		Flash.run(redirect, "training.flash.changed",
				() -> training.change(user, id, status, certificateNo, completedOn, version));
		return "redirect:/training/courses/" + enrolment.courseId() + "#e" + id;
	}

	private String courseForm(Model model) {
		model.addAttribute("kinds", CourseKind.values());
		model.addAttribute("modes", CourseMode.values());
		model.addAttribute("theoryLevels",
				List.of(TheoryLevel.ELEMENTARY, TheoryLevel.INTERMEDIATE, TheoryLevel.ADVANCED, TheoryLevel.BACHELOR));
		return "training/course-form";
	}

}
