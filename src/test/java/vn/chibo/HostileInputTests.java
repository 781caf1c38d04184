package vn.chibo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingService;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.news.site.NewsQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Hostile input gets a 4xx with a message, never a 500: a corpus of hostile values in
 * every query parameter of every page and API list reachable by the roles, and the writes
 * users get wrong or attackers try (dates and times as typed, empty and giant bodies, NUL
 * characters, huge years, a tampered CSRF token, an upload over the limit, a missing
 * version).
 */
@ChiboTest
class HostileInputTests {

	private static final List<String> CORPUS = List.of("\u0000", "2147483647", "-1", "99999999999999999999", "1e309",
			"'; drop table member; --", "x".repeat(3000), "%zz", "8h00", "3/2/1992");

	private static final Pattern LINK = Pattern.compile("(?:href|hx-get)=\"(/[^\"#]*\\?[^\"#]*)\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoUsers demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	NewsQueries news;

	@Autowired
	MeetingService meetings;

	@Test
	void everyQueryParameterTakesTheHostileCorpusWithoutAFault() throws Exception {
		var urls = new ArrayList<String>(List.of("/members?q=a&branchId=1&status=OFFICIAL&page=0",
				"/tin-tuc/tim-kiem?q=a&page=0", "/evaluation?year=2026&unit=1", "/meetings?year=2026&branchId=1",
				"/meetings/month?year=2026&month=1", "/api/v1/members?q=a&branchId=1&status=OFFICIAL&page=0&size=5",
				"/api/v1/news?q=a&category=x&page=0", "/api/v1/meetings?year=2026&branchId=1", "/audit?type=x&page=0",
				"/evaluation/superior?year=2026&sort=name", "/meetings/calendar-feeds?branchId=1",
				"/meetings/1/documents/1?inline=true", "/meetings?year=2026&past=true&unsigned=true&page=0",
				"/evaluation?year=2026&branchId=1&page=0", "/evaluation/warnings?page=0",
				"/api/v1/meetings/list?year=2026&branchId=1&kind=REGULAR&status=HELD&month=1&past=true&unsigned=true&page=0&size=5",
				"/evaluation/superior/1?year=2026&page=0"));
		var faults = new ArrayList<String>();
		for (var login : new String[] { "vanphong", "bithu.cb01", "captren" }) {
			var reader = demo.user(login);
			var found = new ArrayList<>(urls);
			found.addAll(linksWithQueries(reader));
			var shapes = new HashSet<String>();
			for (var url : found) {
				var components = UriComponentsBuilder.fromUriString(url).build();
				if (!shapes.add(components.getPath() + components.getQueryParams().keySet())) {
					continue;
				}
				for (var parameter : components.getQueryParams().keySet()) {
					for (var hostile : CORPUS) {
						var target = UriComponentsBuilder.fromUriString(url)
							.replaceQueryParam(parameter, hostile)
							.encode()
							.build()
							.toUri();
						check(faults, login + " GET " + components.getPath() + " " + parameter,
								mvc.get().uri(target).with(user(reader)).exchange());
					}
				}
			}
		}
		for (var path : new String[] { "/meetings/99999999999999999999", "/meetings/-1", "/members/abc",
				"/evaluation/meetings/1e309", "/api/v1/meetings/99999999999999999999" }) {
			check(faults, "GET " + path, mvc.get().uri(path).with(user(demo.user("vanphong"))).exchange());
		}
		assertThat(faults).as("requests answered with a fault").isEmpty();
	}

	@Test
	void theWritesThatFailedBeforeAnswerWithAMessage() throws Exception {
		var people = fixtures.people();
		var secretary = people.secretary();
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(MeetingKind.EXTRAORDINARY);
		form.setScheduledOn(LocalDate.of(2045, 3, 3));
		var id = meetings.schedule(secretary, form);
		var faults = new ArrayList<String>();

		// Dates and times as they are typed; a date that does not exist is named.
		for (var typed : new String[][] { { "25-12-2045", "1400" }, { "3/2/2045", "8h00" }, { "03.02.2045", "14h" } }) {
			var moved = mvc.post()
				.uri("/meetings/{id}/reschedule", id)
				.with(user(secretary))
				.with(csrf())
				.param("scheduledOn", typed[0])
				.param("startsAt", typed[1])
				.exchange();
			assertThat(moved).as(typed[0] + " " + typed[1])
				.hasStatus3xxRedirection()
				.flash()
				.containsKey("flashSuccess");
		}
		var impossible = mvc.post()
			.uri("/meetings/{id}/reschedule", id)
			.with(user(secretary))
			.with(csrf())
			.param("scheduledOn", "31/02/2045")
			.exchange();
		assertThat(impossible).hasStatus4xxClientError().bodyText().contains("scheduledOn").contains("31/02/2045");

		// A NUL character in a text field of a page.
		assertThat(mvc.post()
			.uri("/meetings/{id}/guests", id)
			.with(user(secretary))
			.with(csrf())
			.param("guestName", "Khách\u0000")).hasStatus4xxClientError().bodyText().contains("guestName");

		// Empty and broken JSON.
		var basic = httpBasic(fixtures.account(secretary), DemoUsers.PASSWORD);
		for (var body : new String[] { "{}", "", "[", "{\"token\": 12}", "null" }) {
			check(faults, "check-in " + body,
					mvc.post()
						.uri("/api/v1/meetings/check-in")
						.with(basic)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body)
						.exchange());
		}
		var article = mvc.post()
			.uri("/api/v1/news/desk")
			.with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"title\": \"Tin thử\", \"categoryId\": %d, \"summary\": \"Tóm tắt\", \"body\": \"<p>Nội dung</p>\"}"
						.formatted(news.categories(secretary.committeeId()).getFirst().id()))
			.exchange();
		var articleId = (article.getResponse().getStatus() < 300)
				? JsonPath.read(article.getResponse().getContentAsString(), "$.id").toString() : "1";
		for (var body : new String[] { "{}", "", "{\"action\": null}",
				"{\"action\": \"publish\", \"at\": \"8h00\"}" }) {
			check(faults, "review " + body,
					mvc.post()
						.uri("/api/v1/news/desk/{id}/review", articleId)
						.with(basic)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body)
						.exchange());
		}
		check(faults, "news NUL",
				mvc.post()
					.uri("/api/v1/news/desk")
					.with(basic)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\": \"Tin\\u0000 thử\", \"summary\": \"x\", \"body\": \"<p>x</p>\"}")
					.exchange());

		// A year no plan can have, through the API and the page.
		var office = httpBasic(fixtures.account(people.committee().office()), DemoUsers.PASSWORD);
		for (var year : new String[] { "99999", "-1", "2147483647", "99999999999999999999" }) {
			var planned = mvc.post()
				.uri("/api/v1/meetings/plan")
				.with(office)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"branchId\": " + people.branch() + ", \"year\": " + year + "}")
				.exchange();
			check(faults, "plan " + year, planned);
			assertThat(planned).as(year).hasStatus4xxClientError();
		}

		// A member changed through the API without saying which version.
		var member = people.member().memberId();
		var withoutVersion = """
				{"fullName":"Tên Không Phiên Bản","gender":"MALE","admissionDate":"2010-01-01","officialDate":"2011-01-01","branchId":%d}
				"""
			.formatted(people.branch());
		assertThat(mvc.put()
			.uri("/api/v1/members/{id}", member)
			.with(office)
			.contentType(MediaType.APPLICATION_JSON)
			.content(withoutVersion)).hasStatus4xxClientError().bodyText().contains("version");

		// A tampered CSRF token is refused as such.
		assertThat(mvc.post()
			.uri("/meetings/{id}/guests", id)
			.with(user(secretary))
			.param("_csrf", "không-phải-mã")
			.param("guestName", "Khách")).hasStatus(403);
		for (var token : new String[] { "%%%", "YWJj", "a".repeat(5000) }) {
			assertThat(mvc.post()
				.uri("/meetings/{id}/guests", id)
				.with(user(secretary))
				.header("X-CSRF-TOKEN", token)
				.header("HX-Request", "true")
				.param("guestName", "Khách")).as(token).hasStatus(403);
		}

		// An upload over the limit, and a file name over 500 bytes.
		var tooLarge = new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", new byte[21 * 1024 * 1024]);
		check(faults, "upload 21 MB",
				mvc.post()
					.uri("/meetings/{id}/documents", id)
					.multipart()
					.file(tooLarge)
					.param("kind", "DRAFT_RESOLUTION")
					.with(user(secretary))
					.with(csrf())
					.exchange());
		var longName = new MockMultipartFile("file", "tài-liệu-".repeat(60) + ".pdf", "application/pdf",
				"%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII));
		check(faults, "file name over 500 bytes",
				mvc.post()
					.uri("/meetings/{id}/documents", id)
					.multipart()
					.file(longName)
					.param("kind", "DRAFT_RESOLUTION")
					.with(user(secretary))
					.with(csrf())
					.exchange());
		assertThat(faults).as("requests answered with a fault").isEmpty();
	}

	/** Links with a query string on the pages the user reaches from the start pages. */
	private List<String> linksWithQueries(CurrentUser reader) throws Exception {
		var links = new LinkedHashMap<String, Boolean>();
		var queue = new ArrayDeque<String>(List.of("/", "/meetings", "/members", "/evaluation", "/news", "/tin-tuc",
				"/audit", "/evaluation/superior", "/evaluation/warnings", "/orgs"));
		var seen = new HashSet<String>();
		while (!queue.isEmpty() && seen.size() < 40) {
			var page = queue.poll();
			if (!seen.add(page)) {
				continue;
			}
			var result = mvc.get().uri(URI.create(page)).with(user(reader)).exchange();
			if (result.getUnresolvedException() != null || result.getResponse().getContentType() == null
					|| !result.getResponse().getContentType().startsWith("text/html")) {
				continue;
			}
			var matcher = LINK.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				links.put(matcher.group(1).replace("&amp;", "&"), true);
			}
		}
		return new ArrayList<>(links.keySet());
	}

	/** A fault: an exception nothing answered, or a 5xx. */
	private static void check(List<String> faults, String what, MvcTestResult result) {
		if (result.getUnresolvedException() != null) {
			faults.add(what + ": " + result.getUnresolvedException());
			return;
		}
		var status = result.getResponse().getStatus();
		if (status >= 500) {
			faults.add(what + ": " + status);
		}
	}

}
