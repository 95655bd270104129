/**
 * Reading: a return file becomes a {@link uk.neighbourhood.outcomes.model.Workbook} of typed cells with
 * coordinates. Readers never evaluate formulas, never follow external references, and refuse with a
 * {@link ReadException} naming what is wrong rather than crash, hang or exhaust memory.
 */
package uk.neighbourhood.outcomes.read;
