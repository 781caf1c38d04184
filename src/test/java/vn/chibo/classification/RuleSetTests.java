package vn.chibo.classification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The committee's own versions of the classification rules (docs/domain.md §7): added
 * from a copy, chosen for the years they cover before the rule issued for all, refused
 * when they break the rule (quota above 20%, points not adding up to 100, thresholds not
 * descending, overlapping another own version), editable only while unused. Far-future
 * years keep the demo's years as they are.
 */
@ChiboTest
class RuleSetTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	JdbcClient jdbc;

	private long id(String code) {
		return jdbc.sql("select id from review_rule_set where code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	@Test
	void theOfficeAddsItsOwnVersionWhichTheYearsItCoversUse() {
		var people = fixtures.people();
		var office = people.committee().office();
		// The form copies the version chosen.
		assertThat(mvc.get().uri("/classification/rules/new?from=" + id("366-QĐ/TW")).with(user(office))).hasStatusOk()
			.bodyText()
			.contains("Kết quả thực hiện chức trách, nhiệm vụ được giao", "value=\"50\"");
		assertThat(mvc.post()
			.uri("/classification/rules")
			.with(user(office))
			.with(csrf())
			.param("code", "05-QĐ/ĐU")
			.param("name", "Quy định của Đảng ủy về xếp loại từ năm 2091")
			.param("validFrom", "1/1/2091")
			.param("validTo", "31/12/2092")
			.param("points", "true")
			.param("excellentMin", "92")
			.param("goodMin", "75,5")
			.param("passMin", "50")
			.param("quotaPercent", "15")
			.param("sectionName", "Tư tưởng chính trị", "Ý thức tổ chức kỷ luật", "Kết quả thực hiện nhiệm vụ", "")
			.param("sectionMax", "20", "20", "60", "")).hasStatus3xxRedirection();
		var own = ruleSets.forYear(office.committeeId(), 2091);
		assertThat(own.code()).isEqualTo("05-QĐ/ĐU");
		assertThat(own.own()).isTrue();
		assertThat(own.quotaPercent()).isEqualTo(15);
		assertThat(own.goodMin()).isEqualByComparingTo("75.5");
		assertThat(own.sections()).extracting(RuleSets.Section::max).containsExactly(20, 20, 60);
		assertThat(own.level(new BigDecimal("91"))).isEqualTo(ReviewLevel.GOOD);
		// The year after goes back to the rule issued for all.
		assertThat(ruleSets.forYear(office.committeeId(), 2093).code()).isEqualTo("366-QĐ/TW");
		assertThat(mvc.get().uri("/classification/rules").with(user(office))).hasStatusOk()
			.bodyText()
			.contains("05-QĐ/ĐU", "Không quá 15% số được xếp loại hoàn thành tốt nhiệm vụ",
					"xuất sắc từ 92, tốt từ 75,5, hoàn thành từ 50 điểm");
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'ruleSet' and entity_id = :id")
			.param("id", own.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// Edited while unused; once a review used it, kept as it was.
		assertThat(mvc.post()
			.uri("/classification/rules/" + own.id())
			.with(user(office))
			.with(csrf())
			.param("code", "05-QĐ/ĐU")
			.param("name", "Quy định của Đảng ủy (sửa)")
			.param("validFrom", "01/01/2091")
			.param("validTo", "31/12/2092")
			.param("quotaPercent", "10")
			.param("sectionName", "Một mục")).hasStatus3xxRedirection();
		assertThat(ruleSets.find(own.id()).points()).isFalse();
		var member = people.member().memberId();
		jdbc.sql("""
				insert into member_review (committee_id, year, member_id, branch_id, rule_set_id)
				values (:c, 2091, :m, :b, :r)
				""")
			.param("c", office.committeeId())
			.param("m", member)
			.param("b", people.branch())
			.param("r", own.id())
			.update();
		assertThat(mvc.post()
			.uri("/classification/rules/" + own.id())
			.with(user(office))
			.with(csrf())
			.param("code", "05-QĐ/ĐU")
			.param("name", "Sửa sau khi đã dùng")
			.param("validFrom", "01/01/2091")
			.param("quotaPercent", "10")
			.param("sectionName", "Một mục")).hasStatusOk()
			.bodyText()
			.contains("đã được dùng để xếp loại nên giữ nguyên");
		assertThat(ruleSets.find(own.id()).name()).isEqualTo("Quy định của Đảng ủy (sửa)");
		assertThat(mvc.get().uri("/classification/rules/" + own.id() + "/edit").with(user(office))).hasStatusOk();
		// Another committee's office neither sees nor edits this committee's version.
		var foreign = fixtures.committee().office();
		assertThat(mvc.get().uri("/classification/rules/" + own.id() + "/edit").with(user(foreign))).hasStatus(404);
		assertThat(mvc.get().uri("/classification/rules").with(user(foreign))).hasStatusOk()
			.bodyText()
			.doesNotContain("05-QĐ/ĐU");
		assertThat(ruleSets.forYear(foreign.committeeId(), 2091).code()).isEqualTo("366-QĐ/TW");
	}

	@Test
	void aVersionThatBreaksTheRuleIsRefusedWithItsReasonAndOnlyTheOfficeWritesOne() {
		var people = fixtures.people();
		var office = people.committee().office();
		record Case(String field, String value, String message) {
		}
		for (var c : List.of(new Case("quotaPercent", "25", "Tỷ lệ xuất sắc từ 1 đến 20%."),
				new Case("sectionMax", "60", "cộng lại là 110, phải bằng 100"),
				new Case("goodMin", "95", "Ngưỡng điểm phải giảm dần"),
				new Case("validTo", "31/12/2080", "Ngày hết hiệu lực phải sau ngày bắt đầu."),
				new Case("quotaPercent", "abc", "Tỷ lệ xuất sắc (%): Giá trị không hợp lệ."),
				new Case("validFrom", "31/02/2081", "Hiệu lực từ ngày: Ngày không hợp lệ"))) {
			var fields = new LinkedHashMap<String, String[]>();
			fields.put("code", new String[] { "X-" + c.field() });
			fields.put("name", new String[] { "Thử" });
			fields.put("points", new String[] { "true" });
			fields.put("validFrom", new String[] { "01/01/2081" });
			fields.put("validTo", new String[] { "31/12/2081" });
			fields.put("excellentMin", new String[] { "90" });
			fields.put("goodMin", new String[] { "70" });
			fields.put("passMin", new String[] { "50" });
			fields.put("quotaPercent", new String[] { "20" });
			fields.put("sectionName", new String[] { "Một", "Hai" });
			fields.put("sectionMax", new String[] { "50", "50" });
			fields.put(c.field(),
					c.field().equals("sectionMax") ? new String[] { "50", "60" } : new String[] { c.value() });
			var request = mvc.post().uri("/classification/rules").with(user(office)).with(csrf());
			for (var f : fields.entrySet()) {
				request = request.param(f.getKey(), f.getValue());
			}
			assertThat(request).as(c.field()).hasStatusOk().bodyText().contains(c.message());
		}
		assertThat(jdbc.sql("select count(*) from review_rule_set where committee_id = :c")
			.param("c", office.committeeId())
			.query(Long.class)
			.single()).isZero();
		// Two versions of the committee's own never cover the same day.
		for (var code : List.of("A-2085", "B-2085")) {
			mvc.post()
				.uri("/classification/rules")
				.with(user(office))
				.with(csrf())
				.param("code", code)
				.param("name", "Phiên bản " + code)
				.param("validFrom", "01/01/2085")
				.param("validTo", "31/12/2085")
				.param("quotaPercent", "20")
				.param("sectionName", "Một mục")
				.exchange();
		}
		assertThat(jdbc.sql("select count(*) from review_rule_set where committee_id = :c")
			.param("c", office.committeeId())
			.query(Long.class)
			.single()).isEqualTo(1);
		// The rule issued for all is not the committee's to edit; a secretary edits none.
		assertThat(mvc.get().uri("/classification/rules/" + id("366-QĐ/TW") + "/edit").with(user(office)))
			.hasStatus(404);
		assertThat(mvc.get().uri("/classification/rules").with(user(people.secretary()))).hasStatusOk()
			.bodyText()
			.doesNotContain("rule-set-new");
		assertThat(mvc.post()
			.uri("/classification/rules")
			.with(user(people.secretary()))
			.with(csrf())
			.param("code", "C-2087")).hasStatus(403);
		assertThat(mvc.get().uri("/classification/rules").with(user(people.member()))).hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/v1/classification/rule-sets")
			.with(user(office))
			.with(csrf())
			.contentType("application/json")
			.content(
					"""
							{"code": "API-2088", "name": "Qua API", "validFrom": "2088-01-01", "validTo": "2088-12-31", "quotaPercent": 20,
							 "sectionName": ["Một mục"]}
							"""))
			.hasStatus(201)
			.bodyText()
			.contains("\"committeeId\":" + office.committeeId());
		assertThat(LocalDate.of(2088, 1, 1)).isEqualTo(ruleSets.forYear(office.committeeId(), 2088).validFrom());
	}

}
