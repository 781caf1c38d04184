package vn.chibo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.chibo.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * GET never writes: every GET route of the app (and every page reachable from the pages),
 * as every role and as a visitor, is read while every table of the schema counts the rows
 * written to it; none may be. Among them a held meeting nobody has scored and a planned
 * one whose roll call has not started, which a reading used to score and to take the
 * roster of.
 */
@ChiboTest
class ReadingWritesNothingTests {

	private static final Pattern LINK = Pattern.compile("(?:href|src|hx-get)=\"(/[^\"#]*)\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoUsers demo;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noGetRequestOfAnyRoleWritesARow() throws Exception {
		var branch = demo.branchId("CB01");
		var committee = jdbc.sql("select committee_id from organization where id = :id")
			.param("id", branch)
			.query(Long.class)
			.single();
		// A held meeting that no event has scored, and one planned without a roster.
		var unscored = jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, rule_set)
				values (:c, :b, 'EXTRAORDINARY', :d, time '14:00', 'HELD', 'HD42_2025') returning id
				""")
			.param("c", committee)
			.param("b", branch)
			.param("d", LocalDate.of(2026, 1, 5))
			.query(Long.class)
			.single();
		var planned = jdbc.sql("""
				insert into meeting (committee_id, branch_id, kind, scheduled_on, starts_at, status, rule_set)
				values (:c, :b, 'EXTRAORDINARY', current_date, time '14:00', 'PLANNED', 'HD42_2025') returning id
				""").param("c", committee).param("b", branch).query(Long.class).single();
		var member = demo.user("dangvien.cb01").memberId();
		var extra = new ArrayList<String>();
		for (var meeting : new Long[] { unscored, planned }) {
			for (var page : new String[] { "", "/attendance", "/minutes", "/check-in-code", "/check-in-code.png",
					"/minutes.pdf", "/minutes.docx" }) {
				extra.add("/meetings/" + meeting + page);
			}
			extra.add("/evaluation/meetings/" + meeting);
			for (var api : new String[] { "", "/attendance", "/minutes" }) {
				extra.add("/api/v1/meetings/" + meeting + api);
			}
		}
		extra.addAll(List.of("/api/v1/orgs", "/api/v1/members?size=5", "/api/v1/members/" + member,
				"/api/v1/meetings?year=2026", "/api/v1/meetings/list?year=2026&unsigned=true",
				"/api/v1/meetings/tasks/mine", "/api/v1/news", "/api/v1/news/desk", "/v3/api-docs", "/actuator/health",
				"/check-in?t=not-a-code"));

		installProbe();
		try {
			var visited = 0;
			for (var login : new String[] { "admin", "vanphong", "bithu.cb01", "dangvien.cb01", "bithu.cb06", "ubkt",
					"captren" }) {
				visited += crawl(demo.user(login), extra);
			}
			visited += crawl(null, List.of());
			assertThat(visited).as("pages read").isGreaterThan(300);
			assertThat(written()).as("rows written by GET requests").isEmpty();
		}
		finally {
			removeProbe();
			// The two meetings made here leave no trace for the tests that follow.
			jdbc.sql("delete from meeting where id in (:ids)").param("ids", List.of(unscored, planned)).update();
		}
	}

	/** Reads every GET route and every link found, once per route shape. */
	private int crawl(CurrentUser reader, List<String> extra) throws Exception {
		var queue = new ArrayDeque<String>();
		queue.addAll(routes());
		queue.addAll(extra);
		var shapes = new HashSet<String>();
		var read = 0;
		while (!queue.isEmpty() && read < 600) {
			var url = queue.poll();
			if (!shapes.add(shape(url)) || url.startsWith("/assets") || url.startsWith("/webjars")
					|| url.startsWith("/logout")) {
				continue;
			}
			URI uri;
			try {
				uri = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			var request = mvc.get().uri(uri);
			var result = (reader != null) ? request.with(user(reader)).exchange() : request.exchange();
			read++;
			if (result.getUnresolvedException() != null) {
				// An error page, not a write: what bad input answers is tested apart.
				continue;
			}
			var type = result.getResponse().getContentType();
			if (type != null && type.startsWith("text/html")) {
				var links = LINK.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
				while (links.find()) {
					queue.add(links.group(1).replace("&amp;", "&"));
				}
			}
		}
		return read;
	}

	/** The GET routes that need no path variable. */
	private List<String> routes() {
		var routes = new LinkedHashSet<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			var methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				info.getPatternValues()
					.stream()
					.filter((pattern) -> !pattern.contains("{") && !pattern.contains("*"))
					.forEach(routes::add);
			}
		});
		return new ArrayList<>(routes);
	}

	/** A URL's route: numbers and query values left out, so each shape is read once. */
	private static String shape(String url) {
		var parts = url.split("\\?", 2);
		var path = parts[0].replaceAll("/\\d+", "/#");
		if (parts.length == 1) {
			return path;
		}
		var keys = new TreeMap<String, Boolean>();
		for (var pair : parts[1].split("&")) {
			keys.put(pair.split("=", 2)[0], true);
		}
		return path + "?" + String.join("&", keys.keySet());
	}

	/** A row trigger on every table of the schema counts what is written to it. */
	private void installProbe() {
		jdbc.sql("create table if not exists write_probe (table_name text primary key, n bigint not null)").update();
		jdbc.sql("truncate write_probe").update();
		jdbc.sql("""
				create or replace function write_probe_count() returns trigger language plpgsql as $$
				begin
					-- Reading a discipline case or a complaint is itself recorded (docs/domain.md §10):
					-- an audit entry of a read is not a change.
					if tg_table_name = 'audit_event' and tg_op = 'INSERT' and new.action = 'read' then
						return null;
					end if;
					insert into write_probe values (tg_table_name, 1)
					on conflict (table_name) do update set n = write_probe.n + 1;
					return null;
				end $$
				""").update();
		for (var table : tables()) {
			jdbc.sql("create trigger write_probe after insert or update or delete on " + table
					+ " for each row execute function write_probe_count()")
				.update();
		}
	}

	/** The probe goes with the test: no table or function of it stays in the schema. */
	private void removeProbe() {
		for (var table : tables()) {
			jdbc.sql("drop trigger if exists write_probe on " + table).update();
		}
		jdbc.sql("drop function if exists write_probe_count() cascade").update();
		jdbc.sql("drop table if exists write_probe").update();
	}

	private List<String> tables() {
		return jdbc.sql("""
				select quote_ident(tablename) from pg_tables where schemaname = 'public'
				and tablename not in ('write_probe', 'flyway_schema_history')
				-- the session store keeps the login's own bookkeeping, not a record
				and tablename not like 'spring_session%'
				""").query(String.class).list();
	}

	private Map<String, Long> written() {
		var written = new TreeMap<String, Long>();
		jdbc.sql("select table_name, n from write_probe")
			.query((rs, row) -> written.put(rs.getString(1), rs.getLong(2)))
			.list();
		return written;
	}

}
