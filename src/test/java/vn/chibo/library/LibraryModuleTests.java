package vn.chibo.library;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import vn.chibo.NoAccounts;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The library started alone (with the shared module only, no demo committee): the fixture
 * builds its own committee, and a document kept by the office is found by a word typed
 * without its diacritics (docs/domain.md §8), while a member may not keep one.
 */
@ApplicationModuleTest
@Import(NoAccounts.class)
@TestPropertySource(properties = "chibo.embedded-db.database=chibo_library")
@Tag("application")
class LibraryModuleTests {

	@Autowired
	LibraryService library;

	@Autowired
	LibraryQueries queries;

	@Autowired
	LibrarySearch finder;

	@Autowired
	JdbcClient jdbc;

	CurrentUser office;

	CurrentUser member;

	@BeforeEach
	void aCommitteeOfItsOwn() {
		var code = "LIB-" + System.nanoTime();
		var committee = jdbc.sql("insert into committee (code, name) values (:code, :name) returning id")
			.param("code", code)
			.param("name", "Đảng bộ thử " + code)
			.query(Long.class)
			.single();
		office = new CurrentUser(0, committee, "office-" + code, "", "Văn phòng", Role.OFFICE, 0, null, true, false);
		member = new CurrentUser(0, committee, "member-" + code, "", "Đảng viên", Role.MEMBER, 0, null, true, false);
	}

	/** Nothing of the fixture stays for the tests that follow on the same database. */
	@AfterEach
	void leaveNoTrace() {
		for (var table : new String[] { "library_page", "library_file", "library_document", "audit_event" }) {
			jdbc.sql("delete from " + table + " where committee_id = :c").param("c", office.committeeId()).update();
		}
		jdbc.sql("delete from committee where id = :c").param("c", office.committeeId()).update();
	}

	@Test
	void theOfficeKeepsADocumentAndAnyoneFindsItWithoutDiacritics() {
		var form = form("12-HD/TW", "Hướng dẫn sinh hoạt chi bộ");
		var id = library.create(office, form);

		var found = finder.search(member, LibraryFilter.search("sinh hoat chi bo"));

		assertThat(found.items()).extracting(LibrarySearch.Result::id).containsExactly(id);
		assertThat(jdbc.sql("select count(*) from audit_event where committee_id = :c and entity_type = 'library'")
			.param("c", office.committeeId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aMemberKeepsNoDocument() {
		assertThatThrownBy(() -> library.create(member, form("1-QĐ/TW", "Quy định")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(finder.search(office, LibraryFilter.all()).items()).isEmpty();
	}

	private static LibraryForm form(String number, String title) {
		var form = new LibraryForm();
		form.setNumber(number);
		form.setTitle(title);
		form.setKind(DocumentKind.values()[0]);
		form.setIssuer("Ban Chấp hành Trung ương");
		form.setIssuedOn(LocalDate.of(2025, 3, 1));
		form.setSummary(title);
		return form;
	}

}
