package uk.neighbourhood.outcomes.map;

import uk.neighbourhood.outcomes.model.Workbook;

/** Turns one read workbook into observations; one implementation per shape of return. */
public interface ReturnMapper {

  /** True when this mapper recognises the workbook's shape with certainty. */
  boolean recognises(Workbook workbook);

  MappingResult map(Workbook workbook, ReturnContext context);
}
