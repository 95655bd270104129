package uk.neighbourhood.outcomes.publish;

import java.io.Serializable;

/**
 * A published figure that a later run changed, usually because a scheme sent a corrected or late return
 * for a quarter already published. Revisions accumulate: each run adds the changes it made.
 *
 * @param previous the value as published before (null when it was suppressed or absent)
 * @param revised the value now published (null when now suppressed or withdrawn)
 * @param reason in words, e.g. which return now stands
 * @param revisedOn the date of the run that made the change (ISO)
 */
public record Revision(String period, String schemeId, String indicator, Double previous, Double revised,
    String reason, String runId, String revisedOn) implements Serializable {}
