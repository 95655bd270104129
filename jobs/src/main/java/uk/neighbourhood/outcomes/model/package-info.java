/**
 * The common vocabulary of the pipeline: immutable values shared by every stage. Nothing here imports
 * Spark or POI, so reading, mapping, validation and statistics stay testable as plain Java.
 */
package uk.neighbourhood.outcomes.model;
