/** Loads and checks the data files in {@code schemas/}: measures, indicators, rules, profiles, registry. */
package uk.neighbourhood.outcomes.catalog;
