/**
 * How alike two texts are (the shingles of their words), for the reflections copied from
 * one another or from a document. Internal to the study module.
 */
@NullMarked
package vn.chibo.study.similarity;

import org.jspecify.annotations.NullMarked;
