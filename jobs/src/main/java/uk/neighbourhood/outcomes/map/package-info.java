/**
 * Mapping: a read workbook plus what we know of its scheme becomes observations of the common schema.
 * Three shapes: the official template (recognised by its hidden marker), the long CSV form
 * ({@code scheme_id,period,measure,value}), and free-form returns (layout detection, synonyms, profiles).
 */
package uk.neighbourhood.outcomes.map;
