/**
 * Participant-level wellbeing data: reading one row per participant, scoring SWEMWBS, ONS4 and the UCLA
 * 3-item scale as their owners publish (rules as data in {@code schemas/scales.yaml}), and aggregating the
 * scores into the wellbeing measures of the common outcome schema. Plain Java, no Spark. References are
 * pseudonymised on reading and never kept in the clear.
 */
package uk.neighbourhood.outcomes.participants;
