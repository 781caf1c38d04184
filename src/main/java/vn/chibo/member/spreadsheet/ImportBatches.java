package vn.chibo.member.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.ConflictException;
import vn.chibo.shared.web.Flash;
import vn.chibo.shared.web.NotFoundException;

import vn.chibo.member.MemberDetails;
import vn.chibo.member.MemberForm;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberService;

/**
 * The imports written (docs/domain.md §17, importer): each kept as a batch with what it
 * changed, listed for the office (all) and for others (their own), and undone as a whole
 * or not at all.
 */
@Service
public class ImportBatches {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final MemberQueries queries;

	private final MemberService members;

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	private final MessageSource messages;

	ImportBatches(JdbcClient jdbc, MemberQueries queries, MemberService members, TransactionTemplate transaction,
			AuditTrail audit, MessageSource messages) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.members = members;
		this.transaction = transaction;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * The imports the user may see and undo: the office sees the committee's, others
	 * their own.
	 */
	public List<ImportBatch> batches(CurrentUser user) {
		return batchQuery(user, "order by imported_at desc, id desc limit 20").query(ImportBatch.class).list();
	}

	private JdbcClient.StatementSpec batchQuery(CurrentUser user, String rest) {
		return jdbc.sql("""
				select id, filename, imported_by, imported_at, added, updated, undone_by, undone_at
				from member_import_batch where committee_id = :c and (:all or imported_by = :me)
				""" + rest)
			.param("c", user.committeeId())
			.param("all", user.role().managesStructure())
			.param("me", user.username());
	}

	/**
	 * Undoes an import (docs/domain.md §17, importer): members it added are removed,
	 * members it updated get their earlier record back — all of them, or none while any
	 * has a later change or record. Answers the members that stand in the way, by name;
	 * empty when the batch was undone.
	 */
	public List<Flash.Message> undo(CurrentUser user, long batchId) {
		MemberService.requireEditRights(user);
		var batch = batchQuery(user, "and id = :id for update").param("id", batchId)
			.query(ImportBatch.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		if (batch.undoneAt() != null) {
			throw new BusinessRuleException("", "member.import.undo.already");
		}
		record Change(long memberId, String kind, int versionAfter, @Nullable String before) {
		}
		var changes = jdbc.sql("""
				select member_id, kind, version_after, before::text from member_import_change
				where committee_id = :c and batch_id = :b order by row_number desc
				""").param("c", user.committeeId()).param("b", batchId).query(Change.class).list();
		var problems = new ArrayList<Flash.Message>();
		var savepoint = new TransactionTemplate(Objects.requireNonNull(transaction.getTransactionManager()));
		savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		transaction.executeWithoutResult((status) -> {
			for (var change : changes) {
				var name = queries.find(user.committeeId(), change.memberId())
					.map(MemberDetails::fullName)
					.orElse("#" + change.memberId());
				savepoint.executeWithoutResult((inner) -> {
					try {
						if (change.kind().equals("ADDED")) {
							members.removeImported(user, change.memberId(), change.versionAfter());
						}
						else {
							var before = JSON.readValue(Objects.requireNonNull(change.before()), MemberForm.class);
							before.setVersion(change.versionAfter());
							members.update(user, change.memberId(), before);
						}
					}
					catch (ConflictException | NotFoundException ex) {
						problems.add(new Flash.Message("member.import.undo.changed", new Object[] { name }));
						inner.setRollbackOnly();
					}
					catch (BusinessRuleException ex) {
						problems.add(ex.messageKey().startsWith("member.import.undo.")
								? new Flash.Message(ex.messageKey(), ex.arguments())
								: new Flash.Message("member.import.undo.refused", new Object[] { name, messages
									.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale()) }));
						inner.setRollbackOnly();
					}
					catch (DataIntegrityViolationException ex) {
						problems.add(new Flash.Message("member.import.undo.laterRecords", new Object[] { name }));
						inner.setRollbackOnly();
					}
				});
			}
			if (!problems.isEmpty()) {
				status.setRollbackOnly();
				return;
			}
			jdbc.sql("""
					update member_import_batch set undone_by = :by, undone_at = now()
					where committee_id = :c and id = :b and undone_at is null
					""").param("by", user.username()).param("c", user.committeeId()).param("b", batchId).update();
			audit.record(user.committeeId(), user.username(), "member-import", batchId, "undo",
					Map.of("added", batch.added(), "updated", batch.updated()), null);
		});
		return problems;
	}

}
