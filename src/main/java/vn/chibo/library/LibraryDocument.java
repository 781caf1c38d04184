package vn.chibo.library;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.shared.files.UploadedFiles;

/**
 * A document of the library as pages and the API show it, with the documents it replaces
 * and is replaced by, and its files.
 */
public record LibraryDocument(long id, String number, String title, DocumentKind kind, String issuer,
		LocalDate issuedOn, @Nullable LocalDate inForceFrom, @Nullable LocalDate inForceUntil,
		@Nullable Reference replaces, List<Reference> replacedBy, @Nullable String summary, boolean internal,
		boolean inForce, List<LibraryFile> files, int version) {

	/** Another document named by its number and title. */
	public record Reference(long id, String number, String title, LocalDate issuedOn) {

		/**
		 * How a form names it: the number and the year, which tells reused numbers apart.
		 */
		public String label() {
			return number + " (" + issuedOn.getYear() + ")";
		}

	}

	/**
	 * A file of a document: a PDF opens in the browser, a Word file is read as the HTML
	 * made on upload ({@code readable}); either downloads.
	 */
	public record LibraryFile(long id, String fileName, String contentType, int sizeBytes, int pages,
			boolean readable) {

		public boolean pdf() {
			return contentType.equals(UploadedFiles.PDF);
		}

		/** The size in KB, at least 1. */
		public long kilobytes() {
			return Math.max(1, Math.round(sizeBytes / 1024.0));
		}

	}

	public LibraryForm toForm() {
		var form = new LibraryForm();
		form.setNumber(number);
		form.setTitle(title);
		form.setKind(kind);
		form.setIssuer(issuer);
		form.setIssuedOn(issuedOn);
		form.setInForceFrom(inForceFrom);
		form.setInForceUntil(inForceUntil);
		form.setReplacesNumber((replaces != null) ? replaces.label() : null);
		form.setSummary(summary);
		form.setInternal(internal);
		form.setVersion(version);
		return form;
	}

}
