/**
 * Vietnamese text: NFC normalisation, diacritic folding for search, name sorting by given
 * name.
 */
@NamedInterface("text")
@NullMarked
package vn.chibo.shared.text;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
