package vn.chibo;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.classification.RuleSetForm;
import vn.chibo.classification.RuleSetVersions;
import vn.chibo.inspection.ConclusionForm;
import vn.chibo.inspection.DecisionForm;
import vn.chibo.inspection.InspectionBody;
import vn.chibo.inspection.InspectionForm;
import vn.chibo.inspection.InspectionKind;
import vn.chibo.inspection.Inspections;
import vn.chibo.inspection.RemedyForm;
import vn.chibo.inspection.StepForm;
import vn.chibo.inspection.discipline.CaseForm;
import vn.chibo.inspection.discipline.ComplaintForm;
import vn.chibo.inspection.discipline.ComplaintKind;
import vn.chibo.inspection.discipline.Complaints;
import vn.chibo.inspection.discipline.DisciplineCases;
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

	@Autowired
	Inspections inspections;

	@Autowired
	DisciplineCases cases;

	@Autowired
	Complaints complaints;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleSetVersions ruleSetVersions;

	@Test
	void everyFormFieldTakesTheHostileCorpusWithoutAFault() throws Exception {
		var faults = new ArrayList<String>();
		var reached = new HashSet<String>();
		var sent = 0;
		for (var login : new String[] { "vanphong", "bithu.cb02", "ubkt" }) {
			var reader = demo.user(login);
			for (var form : login.equals("ubkt") ? forms(reader, inspectionPages(), false) : forms(reader)) {
				if (!form.files().isEmpty()) {
					continue;
				}
				reached.add(form.action().replaceAll("\\d+", "#"));
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
		assertThat(reached).as("forms reached")
			.contains("/inspection", "/inspection/#/decision", "/inspection/#/conclusion", "/inspection/#/remedies",
					"/inspection/#/remedies/#/report", "/inspection/#/remedies/#/verify", "/inspection/discipline",
					"/inspection/discipline/#/steps", "/inspection/complaints", "/inspection/complaints/#/answer",
					"/inspection/supervision", "/inspection/supervision/target", "/reports/term",
					"/reports/year/#/text");
		assertThat(sent).as("form submissions sent").isGreaterThan(200);
	}

	/**
	 * Files no one should send: empty, not what their name says, broken archives, names
	 * with NUL, paths or 600 bytes.
	 */
	private static List<MockMultipartFile> hostileFiles(String name) throws Exception {
		var brokenZip = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(brokenZip)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types".getBytes(StandardCharsets.US_ASCII));
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><x>&a;</x>"
				.getBytes(StandardCharsets.US_ASCII));
		}
		var random = new byte[64 * 1024];
		new Random(7).nextBytes(random);
		var pdf = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		var jpegHeader = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0x7F, (byte) 0xFF,
				0x7F, (byte) 0xFF, 1, 1, 0x11, 0 };
		return List.of(new MockMultipartFile(name, "trong.xlsx", "application/octet-stream", new byte[0]),
				new MockMultipartFile(name, "gia.xlsx", "application/vnd.ms-excel",
						"không phải bảng tính".getBytes(StandardCharsets.UTF_8)),
				new MockMultipartFile(name, "hong.xlsx", "application/zip", brokenZip.toByteArray()),
				new MockMultipartFile(name, "ngau-nhien.pdf", "application/pdf", random),
				new MockMultipartFile(name, "anh.jpg", "image/jpeg", jpegHeader),
				new MockMultipartFile(name, "a\u0000b.pdf", "application/pdf", pdf),
				new MockMultipartFile(name, "../../etc/passwd", "text/plain", pdf),
				new MockMultipartFile(name, "tệp-".repeat(150) + ".pdf", "application/pdf", pdf),
				new MockMultipartFile(name, "ds.csv", "text/csv",
						"Họ và tên;Giới tính\n\u0000;Nam\n".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void everyUploadFormTakesHostileFilesAndFieldsWithoutAFault() throws Exception {
		var faults = new ArrayList<String>();
		var actions = new HashSet<String>();
		var sent = 0;
		for (var login : new String[] { "vanphong", "bithu.cb02", "ubkt" }) {
			var reader = demo.user(login);
			for (var form : login.equals("ubkt") ? forms(reader, inspectionPages(), false) : forms(reader)) {
				if (form.files().isEmpty()) {
					continue;
				}
				actions.add(form.action().replaceAll("\\d+", "#"));
				var fileField = form.files().keySet().iterator().next();
				// Each hostile file with the form's own values, then each hostile value
				// with a harmless file.
				var requests = new ArrayList<Map.Entry<String, MockMultipartFile>>();
				for (var file : hostileFiles(fileField)) {
					requests.add(Map.entry("", file));
				}
				for (var field : form.fields().keySet()) {
					requests.add(Map.entry(field, new MockMultipartFile(fileField, "a.pdf", "application/pdf",
							"%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))));
				}
				for (var entry : requests) {
					for (var hostile : entry.getKey().isEmpty() ? List.of("") : CORPUS) {
						var request = mvc.post()
							.uri(URI.create(form.action()))
							.multipart()
							.file(entry.getValue())
							.with(user(reader))
							.with(csrf());
						for (var field : form.fields().entrySet()) {
							request = request.param(field.getKey(),
									field.getKey().equals(entry.getKey()) ? hostile : field.getValue());
						}
						var result = request.exchange();
						sent++;
						if (fault(result)) {
							faults.add(login + " POST " + form.action() + " file "
									+ entry.getValue().getOriginalFilename().replace("\u0000", "NUL") + " "
									+ entry.getKey() + "="
									+ hostile.substring(0, Math.min(12, hostile.length())).replace("\u0000", "NUL")
									+ ": " + describe(result));
						}
					}
				}
			}
		}
		assertThat(faults).as("uploads answered with a fault").isEmpty();
		assertThat(actions).as("upload forms reached")
			.contains("/members/import", "/meetings/#/documents", "/inspection/#/steps");
		assertThat(sent).isGreaterThan(40);
	}

	/**
	 * Every JSON field of every API operation in the OpenAPI document takes hostile
	 * values (NUL, huge and negative numbers, 5,000 characters, impossible dates, wrong
	 * types) with a 2xx or a 4xx that says why, never a fault; so do hostile path ids and
	 * broken bodies.
	 */
	@Test
	void everyApiFieldTakesTheHostileCorpusWithoutAFault() throws Exception {
		var docs = JSON.readTree(mvc.get()
			.uri("/v3/api-docs")
			.with(user(demo.user("admin")))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		var faults = new ArrayList<String>();
		var fields = new HashSet<String>();
		var sent = 0;
		for (var login : new String[] { "vanphong", "bithu.cb02", "ubkt" }) {
			var reader = demo.user(login);
			for (var path : docs.get("paths").propertyNames()) {
				// The inspection committee's API is tried by one of its members, the rest
				// by the others.
				if (login.equals(
						"ubkt") != (path.startsWith("/api/v1/inspections") || path.startsWith("/api/v1/discipline"))) {
					continue;
				}
				for (var method : docs.get("paths").get(path).propertyNames()) {
					if (method.equals("get") || method.equals("parameters")) {
						continue;
					}
					var operation = docs.get("paths").get(path).get(method);
					var json = operation.path("requestBody").path("content").path("application/json").path("schema");
					var sample = json.isMissingNode() ? null : sample(docs, json);
					var uri = pathFor(path, reader);
					var upload = operation.path("requestBody")
						.path("content")
						.path("multipart/form-data")
						.path("schema");
					var parts = upload.path("properties");
					for (var part : parts.propertyNames()) {
						if (!parts.get(part).path("format").asString("").equals("binary")) {
							continue;
						}
						for (var file : hostileFiles(part)) {
							var request = mvc.post().uri(URI.create(uri)).multipart().file(file);
							for (var other : parts.propertyNames()) {
								if (!other.equals(part)) {
									request = request.param(other, "Nội dung");
								}
							}
							var result = request.with(user(reader)).with(csrf()).exchange();
							sent++;
							fields.add(path + " " + part);
							problem(faults, login + " upload " + path + " "
									+ file.getOriginalFilename().replace("\u0000", "NUL"), result);
						}
					}
					var bodies = new LinkedHashMap<String, String>();
					if (sample instanceof ObjectNode object) {
						bodies.put("sample", object.toString());
						for (var property : object.propertyNames()) {
							fields.add(path + " " + property);
							for (var hostile : JSON_CORPUS) {
								var copy = object.deepCopy();
								copy.set(property, JSON.readTree(hostile));
								bodies.put(property + "=" + hostile.substring(0, Math.min(12, hostile.length())),
										copy.toString());
							}
						}
					}
					for (var broken : new String[] { "", "{}", "[]", "null", "{\"a\":", "\"\u0000\"" }) {
						bodies.put("body " + broken, broken);
					}
					for (var body : bodies.entrySet()) {
						var result = mvc.method(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)))
							.uri(URI.create(uri))
							.with(user(reader))
							.with(csrf())
							.contentType(MediaType.APPLICATION_JSON)
							.content(body.getValue())
							.exchange();
						sent++;
						problem(faults, login + " " + method + " " + path + " " + body.getKey(), result);
						intact(login + " " + method + " " + path + " " + body.getKey());
					}
					// Hostile path ids with the sample body.
					if (path.contains("{")) {
						for (var id : new String[] { "-1", "99999999999999999999", "abc", "1.5" }) {
							var result = mvc.method(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)))
								.uri(URI.create(path.replaceAll("\\{[^}]+}", id)))
								.with(user(reader))
								.with(csrf())
								.contentType(MediaType.APPLICATION_JSON)
								.content((sample != null) ? sample.toString() : "{}")
								.exchange();
							sent++;
							problem(faults, login + " " + method + " " + path + " id=" + id, result);
						}
					}
				}
			}
		}
		assertThat(faults).as("API requests answered with a fault or a bare 4xx").isEmpty();
		assertThat(fields).as("JSON fields reached")
			.contains("/api/v1/members/{id} version", "/api/v1/meetings/{id}/attendance/{memberId} status",
					"/api/v1/meetings/check-in token", "/api/v1/news/desk/{id}/review action",
					"/api/v1/news/desk/{id}/images file", "/api/v1/inspections/{id}/conclusion findings",
					"/api/v1/discipline/cases/{id}/steps votesFor", "/api/v1/discipline/complaints dueOn",
					"/api/v1/classification/{year}/branches/{branchId}/proposals level");
		assertThat(sent).isGreaterThan(500);
	}

	@Test
	void aWrongValueInJsonIsRefusedNamingItsFieldBeforeTheDatabaseSeesIt() throws Exception {
		var secretary = demo.user("bithu.cb02");
		var member = demo.memberOf("CB02", secretary.memberId());
		for (var body : new String[] { "{\"fullName\": \"Lê\\u0000Văn\", \"version\": 0}",
				"{\"fullName\": [\"Lê Văn\"], \"version\": 0}" }) {
			assertThat(mvc.put()
				.uri("/api/v1/members/{id}", member)
				.with(user(secretary))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).hasStatus(400).bodyText().contains("fullName").contains("không đọc được");
		}
		assertThat(mvc.post()
			.uri("/api/v1/meetings/check-in")
			.with(user(secretary))
			.with(csrf())
			.contentType(MediaType.TEXT_PLAIN)
			.content("x")).hasStatus(415).bodyText().contains("application/json");
	}

	private static final List<String> JSON_CORPUS = List.of("\"\\u0000\"", "99999999999999999999", "-1", "1e400",
			"\"" + "x".repeat(5000) + "\"", "\"31/02/2026\"", "\"25h99\"", "null", "[]", "{}", "true");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The test's transaction still works: a request that broke it (a database error
	 * answered as a 4xx) is named rather than the next one failing.
	 */
	private void intact(String what) {
		try {
			jdbc.sql("select 1").query(Integer.class).single();
		}
		catch (RuntimeException ex) {
			throw new AssertionError(what + " broke the transaction", ex);
		}
	}

	/** A fault, or a 4xx that does not say why. */
	private static void problem(List<String> faults, String what, MvcTestResult result) throws Exception {
		if (fault(result)) {
			faults.add(what + ": " + describe(result));
			return;
		}
		var status = result.getResponse().getStatus();
		if (status >= 400 && status != 401 && status != 403 && status != 404 && status != 405
				&& result.getResponse().getContentAsString(StandardCharsets.UTF_8).isBlank()) {
			faults.add(what + ": " + status + " without a message");
		}
	}

	/**
	 * A value the schema accepts: the first of an enum, a date for a date, 1 for a
	 * number.
	 */
	private static @Nullable JsonNode sample(JsonNode docs, JsonNode schema) {
		if (schema.has("$ref")) {
			var name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return sample(docs, docs.path("components").path("schemas").path(name));
		}
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		var type = schema.path("type").asString("object");
		return switch (type) {
			case "string" -> switch (schema.path("format").asString("")) {
				case "date" -> JSON.getNodeFactory().stringNode("2043-05-05");
				case "date-time" -> JSON.getNodeFactory().stringNode("2043-05-05T08:00:00+07:00");
				default -> JSON.getNodeFactory().stringNode("Nội dung");
			};
			case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
			case "boolean" -> JSON.getNodeFactory().booleanNode(true);
			case "array" -> JSON.createArrayNode();
			default -> {
				var object = JSON.createObjectNode();
				for (var property : schema.path("properties").propertyNames()) {
					var value = sample(docs, schema.get("properties").get(property));
					object.set(property, (value != null) ? value : JSON.getNodeFactory().nullNode());
				}
				yield object;
			}
		};
	}

	private long ruleSet;

	/** A version of the rules of the committee's own, unused, for the hostile values. */
	private long ownRuleSet(CurrentUser user) {
		if (ruleSet == 0) {
			var form = new RuleSetForm();
			form.setCode("TEST-QĐ");
			form.setName("Phiên bản thử dữ liệu xấu");
			form.setValidFrom(LocalDate.of(2099, 1, 1));
			form.setValidTo(LocalDate.of(2099, 12, 31));
			form.setQuotaPercent(15);
			form.setSectionName(new ArrayList<>(List.of("Mục một")));
			ruleSet = ruleSetVersions.add(demo.user("vanphong"), form);
		}
		return ruleSet;
	}

	/**
	 * The path with ids of records the user reaches: a meeting, member, task and draft of
	 * CB02.
	 */
	private String pathFor(String path, CurrentUser user) {
		var meeting = jdbc.sql("""
				select m.id from meeting m join organization o on o.committee_id = m.committee_id and o.id = m.branch_id
				where o.code = 'CB02' order by m.scheduled_on desc limit 1
				""").query(Long.class).single();
		var member = demo.memberOf("CB02", user.memberId());
		var task = jdbc.sql("""
				select t.id from meeting_task t join organization o on o.committee_id = t.committee_id
				and o.id = t.branch_id where o.code = 'CB02' order by t.id limit 1
				""").query(Long.class).optional().orElse(1L);
		var draft = jdbc.sql("select id from news_article where committee_id = :c order by id desc limit 1")
			.param("c", user.committeeId())
			.query(Long.class)
			.optional()
			.orElse(1L);
		if (path.startsWith("/api/v1/training")) {
			// A course with an enrolment of a member of CB02 not yet completed.
			var enrolment = jdbc.sql("""
					select e.course_id, e.id from training_enrolment e join organization o
					on o.committee_id = e.committee_id and o.id = e.branch_id
					where o.code = 'CB02' and e.status <> 'COMPLETED' order by e.id limit 1
					""")
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.optional()
				.orElse(new long[] { 1, 1 });
			return path.replace("{id}", String.valueOf(path.contains("/enrolments/") ? enrolment[1] : enrolment[0]));
		}
		if (path.startsWith("/api/v1/recognition/contests")) {
			// The newest contest, its first round and first judge.
			var contest = jdbc
				.sql("select id from contest where committee_id = :c order by held_from desc, id desc limit 1")
				.param("c", user.committeeId())
				.query(Long.class)
				.optional()
				.orElse(1L);
			return path.replace("{id}", String.valueOf(contest)).replace("{round}", "1").replace("{judge}", "1");
		}
		if (path.startsWith("/api/v1/classification/rule-sets")) {
			// The committee's own version of the rules, made for this test.
			return path.replace("{id}", String.valueOf(ownRuleSet(user)));
		}
		if (path.startsWith("/api/v1/classification")) {
			return path.replace("{year}", String.valueOf(LocalDate.now().getYear()))
				.replace("{branchId}", String.valueOf(demo.branchId("CB02")))
				.replace("{organizationId}", String.valueOf(demo.branchId("CB02")));
		}
		if (path.startsWith("/api/v1/reports")) {
			// This year's report and the committee's latest term.
			var term = jdbc.sql("select id from party_term where committee_id = :c order by first_year desc limit 1")
				.param("c", user.committeeId())
				.query(Long.class)
				.optional()
				.orElse(1L);
			return path.replace("{year}", String.valueOf(LocalDate.now().getYear()))
				.replace("{id}", String.valueOf(term));
		}
		if (path.startsWith("/api/v1/supervision")) {
			return path.replace("{year}", String.valueOf(LocalDate.now().getYear()));
		}
		if (path.startsWith("/api/v1/discipline")) {
			if (inspectionInProgress == 1) {
				inspectionPages();
			}
			return path.replace("{id}", String.valueOf(path.contains("/complaints/") ? complaintId : disciplineCase));
		}
		if (path.startsWith("/api/v1/inspections")) {
			if (inspectionInProgress == 1) {
				inspectionPages();
			}
			return path.contains("{remedyId}")
					? path.replace("{id}", String.valueOf(inspectionRemedy[0]))
						.replace("{remedyId}", String.valueOf(inspectionRemedy[1]))
					: path.replace("{id}", String.valueOf(inspectionInProgress));
		}
		if (path.startsWith("/api/v1/study/commitments")) {
			var commitment = jdbc.sql("select id from study_commitment where committee_id = :c order by id limit 1")
				.param("c", user.committeeId())
				.query(Long.class)
				.optional()
				.orElse(1L);
			return path.replace("{year}", String.valueOf(LocalDate.now().getYear()))
				.replace("{id}", String.valueOf(commitment));
		}
		if (path.startsWith("/api/v1/study")) {
			// The latest study session and a reflection of a member of CB02 in it.
			var reflection = jdbc.sql("""
					select r.session_id, r.id, r.member_id from study_reflection r join study_attendance a
					on a.committee_id = r.committee_id and a.session_id = r.session_id and a.member_id = r.member_id
					join organization o on o.committee_id = a.committee_id and o.id = a.branch_id
					where o.code = 'CB02' order by r.session_id desc, r.id limit 1
					""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
			return path.replace("{id}", String.valueOf(reflection[0]))
				.replace("{reflectionId}", String.valueOf(reflection[1]))
				.replace("{memberId}", String.valueOf(reflection[2]));
		}
		var id = path.startsWith("/api/v1/members") ? member : path.startsWith("/api/v1/news") ? draft
				: path.startsWith("/api/v1/orgs") ? demo.branchId("CB02") : meeting;
		return path.replace("{id}", String.valueOf(id))
			.replace("{memberId}", String.valueOf(member))
			.replace("{taskId}", String.valueOf(task));
	}

	/**
	 * A form as a page offers it: where it posts, its fields with their values, and its
	 * file inputs with the types they accept.
	 */
	private record Form(String action, Map<String, String> fields, Map<String, String> files) {
	}

	/** The POST forms of the pages the user reaches, one of each action shape. */
	private List<Form> forms(CurrentUser reader) throws Exception {
		return forms(reader,
				List.of("/", "/reports/term", "/reports/year/" + LocalDate.now().getYear() + "/text", "/classification",
						"/study", "/training", "/recognition", "/recognition/contests", "/meetings", "/members",
						"/orgs", "/evaluation", "/evaluation/rubrics", "/news", "/meetings/proposals", "/accounts"),
				true);
	}

	/**
	 * Inspections made for this test at each stage (planned; decided; concluded with a
	 * remedy reported), so that every form of the guided record is offered and hostile
	 * values land on no demo record: their pages and the new item's form.
	 */
	private List<String> inspectionPages() {
		var ubkt = demo.user("ubkt");
		var ids = new ArrayList<Long>();
		for (var stage = 0; stage < 3; stage++) {
			var form = new InspectionForm();
			form.setYear(LocalDate.now().getYear());
			form.setKind(InspectionKind.SUPERVISION);
			form.setBody(InspectionBody.INSPECTION_COMMITTEE);
			form.setBranchId(demo.branchId("CB02"));
			form.setPlannedMonth(12);
			form.setContent("Mục thử dữ liệu xấu " + stage);
			form.setPeriod("Năm nay");
			var id = inspections.plan(ubkt, form);
			ids.add(id);
			if (stage > 0) {
				var decision = new DecisionForm();
				decision.setDecisionNo("0" + stage + "-QĐ/UBKT");
				decision.setDecidedOn(LocalDate.now().minusDays(3));
				decision.setSigner("Người ký");
				inspections.decide(ubkt, id, decision);
			}
			if (stage > 1) {
				var conclusion = new ConclusionForm();
				conclusion.setConcludedOn(LocalDate.now().minusDays(2));
				conclusion.setFindings("Kết quả");
				inspections.conclude(ubkt, id, conclusion);
				var remedy = new RemedyForm();
				remedy.setContent("Khắc phục");
				remedy.setDueOn(LocalDate.now().plusDays(30));
				var remedyId = inspections.addRemedy(ubkt, id, remedy);
				var report = new StepForm();
				report.setDoneOn(LocalDate.now().minusDays(1));
				report.setNote("Đã làm");
				inspections.reportRemedy(ubkt, id, remedyId, report);
				inspectionRemedy = new long[] { id, remedyId };
			}
		}
		inspectionInProgress = ids.get(1);
		var opened = new CaseForm();
		opened.setMemberId(demo.memberOf("CB02", null));
		opened.setViolation("Vụ việc thử dữ liệu xấu");
		opened.setOpenedOn(LocalDate.now().minusDays(10));
		disciplineCase = cases.open(ubkt, opened);
		var complaint = new ComplaintForm();
		complaint.setKind(ComplaintKind.COMPLAINT);
		complaint.setReceivedOn(LocalDate.now().minusDays(3));
		complaint.setDueOn(LocalDate.now().plusDays(27));
		complaint.setAbout("Đơn thử dữ liệu xấu");
		complaint.setContent("Nội dung");
		complaint.setHandlerName("Người giải quyết");
		complaintId = complaints.receive(ubkt, complaint);
		return List.of("/inspection/new", "/inspection/" + ids.get(0), "/inspection/" + ids.get(1),
				"/inspection/" + ids.get(2), "/inspection/discipline/new", "/inspection/discipline/" + disciplineCase,
				"/inspection/complaints", "/inspection/complaints/" + complaintId, "/inspection/supervision");
	}

	private long disciplineCase = 1;

	private long complaintId = 1;

	private long inspectionInProgress = 1;

	private long[] inspectionRemedy = { 1, 1 };

	/**
	 * The POST forms of the pages, one of each action shape, and of the pages they link
	 * to when asked to follow.
	 */
	private List<Form> forms(CurrentUser reader, List<String> start, boolean follow) throws Exception {
		var forms = new LinkedHashMap<String, Form>();
		var queue = new ArrayDeque<>(start);
		var seen = new HashSet<String>();
		var shapes = new HashSet<String>();
		while (!queue.isEmpty() && seen.size() < 60) {
			var page = queue.poll();
			if ((follow && !shapes.add(page.replaceAll("\\d+", "#").replaceAll("\\?.*", ""))) || !seen.add(page)) {
				continue;
			}
			var result = mvc.get().uri(URI.create(page)).with(user(reader)).exchange();
			if (result.getUnresolvedException() != null || result.getResponse().getContentType() == null
					|| !result.getResponse().getContentType().startsWith("text/html")) {
				continue;
			}
			var html = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			for (var link : follow ? html.select("a[href^=/]") : new Elements()) {
				var href = link.attr("href");
				if (!href.startsWith("/assets") && !href.startsWith("/webjars") && !href.contains(".")) {
					queue.add(href);
				}
			}
			for (var form : html.select("form[method=post]")) {
				var action = form.attr("action");
				if (action.isEmpty() || action.startsWith("/logout") || action.startsWith("/login")) {
					continue;
				}
				var fields = new LinkedHashMap<String, String>();
				var files = new LinkedHashMap<String, String>();
				for (var input : form.select("input[name], textarea[name], select[name]")) {
					var name = input.attr("name");
					if (name.equals("_csrf")) {
						continue;
					}
					if (input.attr("type").equals("file")) {
						files.put(name, input.attr("accept"));
						continue;
					}
					var value = input.is("select")
							? input.select("option").stream().findFirst().map((o) -> o.attr("value")).orElse("")
							: input.is("textarea") ? input.text() : input.attr("value");
					fields.putIfAbsent(name, value);
				}
				if (!fields.isEmpty() || !files.isEmpty()) {
					forms.putIfAbsent(action.replaceAll("\\d+", "#"), new Form(action, fields, files));
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
