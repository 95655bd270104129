/**
 * Publication: Parquet tables (written by Spark), Excel reports and the quarantine, staged under
 * {@code <out>/.staging/<run_id>} and made visible in one commit step, so readers see the previous
 * publication or the new one.
 */
package uk.neighbourhood.outcomes.publish;
