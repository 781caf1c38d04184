package vn.chibo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every field of every form the office and a secretary reach takes hostile values with a
 * 4xx or a message, never a fault. The requests run in this test's transaction, which is
 * rolled back: the demo stays as it was for the other tests (a fault that breaks the
 * transaction is reported first, and is what the test is for).
 */
@ChiboTest
@Transactional
class HostileFormsTests {

	private static final List<String> CORPUS = List.of("\u0000", "99999999999999999999", "-1", "x".repeat(5000),
			"31/02/2026", "25h99");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoUsers demo;

	@Test
	void everyFormFieldTakesTheHostileCorpusWithoutAFault() throws Exception {
		var faults = new ArrayList<String>();
		var sent = 0;
		for (var login : new String[] { "vanphong", "bithu.cb02" }) {
			var reader = demo.user(login);
			for (var form : forms(reader)) {
				for (var field : form.fields().keySet()) {
					for (var hostile : CORPUS) {
						var request = mvc.post().uri(URI.create(form.action())).with(user(reader)).with(csrf());
						for (var entry : form.fields().entrySet()) {
							request = request.param(entry.getKey(),
									entry.getKey().equals(field) ? hostile : entry.getValue());
						}
						var result = request.exchange();
						sent++;
						if (fault(result)) {
							faults.add(login + " POST " + form.action() + " " + field + "="
									+ hostile.substring(0, Math.min(12, hostile.length())).replace("\u0000", "NUL")
									+ ": " + describe(result));
							break;
						}
					}
					if (!faults.isEmpty()) {
						break;
					}
				}
				if (!faults.isEmpty()) {
					break;
				}
			}
		}
		assertThat(faults).as("the first form answered with a fault").isEmpty();
		assertThat(sent).as("form submissions sent").isGreaterThan(200);
	}

	/** A form as a page offers it: where it posts and its fields with their values. */
	private record Form(String action, Map<String, String> fields) {
	}

	/** The POST forms of the pages the user reaches, one of each action shape. */
	private List<Form> forms(CurrentUser reader) throws Exception {
		var forms = new LinkedHashMap<String, Form>();
		var queue = new ArrayDeque<>(List.of("/", "/meetings", "/members", "/orgs", "/evaluation",
				"/evaluation/rubrics", "/news", "/meetings/proposals", "/accounts"));
		var seen = new HashSet<String>();
		var shapes = new HashSet<String>();
		while (!queue.isEmpty() && seen.size() < 60) {
			var page = queue.poll();
			if (!shapes.add(page.replaceAll("\\d+", "#").replaceAll("\\?.*", "")) || !seen.add(page)) {
				continue;
			}
			var result = mvc.get().uri(URI.create(page)).with(user(reader)).exchange();
			if (result.getUnresolvedException() != null || result.getResponse().getContentType() == null
					|| !result.getResponse().getContentType().startsWith("text/html")) {
				continue;
			}
			var html = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			for (var link : html.select("a[href^=/]")) {
				var href = link.attr("href");
				if (!href.startsWith("/assets") && !href.startsWith("/webjars") && !href.contains(".")) {
					queue.add(href);
				}
			}
			for (var form : html.select("form[method=post]")) {
				var action = form.attr("action");
				if (action.isEmpty() || action.startsWith("/logout") || action.startsWith("/login")
						|| form.select("input[type=file]").size() > 0) {
					continue;
				}
				var fields = new LinkedHashMap<String, String>();
				for (var input : form.select("input[name], textarea[name], select[name]")) {
					var name = input.attr("name");
					if (name.equals("_csrf")) {
						continue;
					}
					var value = input.is("select")
							? input.select("option").stream().findFirst().map((o) -> o.attr("value")).orElse("")
							: input.is("textarea") ? input.text() : input.attr("value");
					fields.putIfAbsent(name, value);
				}
				if (!fields.isEmpty()) {
					forms.putIfAbsent(action.replaceAll("\\d+", "#"), new Form(action, fields));
				}
			}
		}
		return new ArrayList<>(forms.values());
	}

	private static boolean fault(MvcTestResult result) {
		return result.getUnresolvedException() != null || result.getResponse().getStatus() >= 500;
	}

	private static String describe(MvcTestResult result) {
		var ex = result.getUnresolvedException();
		if (ex == null) {
			return String.valueOf(result.getResponse().getStatus());
		}
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": "
				+ String.valueOf(root.getMessage()).lines().findFirst().orElse("");
	}

}
