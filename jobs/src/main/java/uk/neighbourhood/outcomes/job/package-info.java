/**
 * The Spark jobs. Spark distributes files across tasks and writes the tables; everything a task does to
 * one file (read, map, validate) is the plain Java of the stages, called from {@link ReturnProcessor}.
 */
package uk.neighbourhood.outcomes.job;
