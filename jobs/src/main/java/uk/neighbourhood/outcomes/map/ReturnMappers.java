package uk.neighbourhood.outcomes.map;

import java.util.List;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Chooses the mapper for a workbook: the official template and the long CSV form are recognised with
 * certainty and read without any mapping; anything else goes to the free-form mapper.
 */
public final class ReturnMappers {
  private final List<ReturnMapper> exact;
  private final ReturnMapper fallback;

  public ReturnMappers(List<ReturnMapper> exact, ReturnMapper fallback) {
    this.exact = exact;
    this.fallback = fallback;
  }

  /** The template and long form first; then the scheme's mapping profile when it has one, else automatic mapping. */
  public static ReturnMappers forScheme(Schemas schemas, String schemeId) {
    ReturnMapper freeForm = MappingProfile.forScheme(schemas, schemeId)
        .<ReturnMapper>map(FreeFormMapper::new).orElseGet(FreeFormMapper::new);
    return new ReturnMappers(List.of(new TemplateMapper(), new LongFormMapper()), freeForm);
  }

  public MappingResult map(Workbook workbook, ReturnContext context) {
    for (ReturnMapper m : exact) {
      if (m.recognises(workbook)) {
        return m.map(workbook, context);
      }
    }
    return fallback.map(workbook, context);
  }
}
