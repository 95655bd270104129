package uk.neighbourhood.outcomes.model;

/** ERROR refuses (quarantines) the return; WARNING publishes it with a flag; INFO is advice only. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
