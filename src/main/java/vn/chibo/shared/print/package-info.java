/**
 * Printable Party documents: PDF from XHTML with the bundled Vietnamese fonts, reports in
 * the Party layout as PDF and DOCX, and spreadsheets.
 */
@NamedInterface("print")
@NullMarked
package vn.chibo.shared.print;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
