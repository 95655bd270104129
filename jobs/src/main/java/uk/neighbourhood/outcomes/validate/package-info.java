/**
 * Validation: rules from {@code schemas/rules.yaml} judge a mapped return. Each rule kind is implemented
 * once here; which rules apply, their severity and their words are data.
 */
package uk.neighbourhood.outcomes.validate;
