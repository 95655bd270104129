/**
 * Keeping personal data out of the national side: the guard that refuses a return carrying personal
 * identifiers, the NHS number check, and the keyed pseudonyms that replace participant references.
 * The guard reports where an identifier sits (sheet and column) and never what it is.
 */
package uk.neighbourhood.outcomes.privacy;
