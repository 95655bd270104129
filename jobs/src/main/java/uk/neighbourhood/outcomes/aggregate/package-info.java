/**
 * Aggregation and statistics: observations become per-scheme measure totals, then comparable indicators
 * with confidence intervals, benchmarking against England, funnel limits and disclosure control.
 * Plain Java; the job runs it inside Spark and on the driver over small, already-aggregated data.
 */
package uk.neighbourhood.outcomes.aggregate;
