package vn.chibo.news.desk;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.chibo.organization.CommitteeCreated;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.news.NewsImport;

/**
 * The categories a committee's news starts with (docs/domain.md §19): without one, no
 * article could be written. Named in Vietnamese, the language of the committee's public
 * pages, and kept as the committee's data.
 */
@Component
public class DefaultCategories {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final List<String> KEYS = List.of("news.category.default.events", "news.category.default.party",
			"news.category.default.uncleHo", "news.category.default.examples");

	private final NewsImport imports;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final OrganizationQueries organizations;

	DefaultCategories(NewsImport imports, MessageSource messages, JdbcClient jdbc, OrganizationQueries organizations) {
		this.imports = imports;
		this.messages = messages;
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	// As @ApplicationModuleListener declares a listener, less @Async: after the
	// committee's creation commits, in a transaction of its own.
	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(CommitteeCreated created) {
		install(created.committeeId());
	}

	/**
	 * A grassroots committee made before categories came with it gets them at the next
	 * start.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void installMissing() {
		var having = jdbc.sql("select distinct committee_id from news_category").query(Long.class).set();
		organizations.grassrootsCommittees()
			.stream()
			.filter((committee) -> !having.contains(committee))
			.forEach(this::install);
	}

	private void install(long committeeId) {
		for (var i = 0; i < KEYS.size(); i++) {
			imports.category(committeeId, messages.getMessage(KEYS.get(i), null, VIETNAMESE), i + 1);
		}
	}

}
