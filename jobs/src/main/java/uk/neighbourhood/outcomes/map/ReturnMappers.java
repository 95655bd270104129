package uk.neighbourhood.outcomes.map;

import java.util.List;
import java.util.Map;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.participants.ParticipantColumns;
import uk.neighbourhood.outcomes.privacy.PseudonymKey;

/**
 * Chooses the mapper for a workbook: the official template and the long CSV form are recognised with
 * certainty and read without any mapping; anything else goes to the free-form mapper.
 */
public final class ReturnMappers {
  private final List<ReturnMapper> exact;
  private final ReturnMapper fallback;
  private final ParticipantSheetMapper participants;

  public ReturnMappers(List<ReturnMapper> exact, ReturnMapper fallback) {
    this(exact, fallback, null);
  }

  /** @param participants reads participant-level sheets beside the others; null to leave them to the others */
  public ReturnMappers(List<ReturnMapper> exact, ReturnMapper fallback, ParticipantSheetMapper participants) {
    this.exact = exact;
    this.fallback = fallback;
    this.participants = participants;
  }

  /** The template and long form first; then the scheme's mapping profile when it has one, else automatic mapping. */
  public static ReturnMappers forScheme(Schemas schemas, String schemeId) {
    return forScheme(schemas, schemeId, PseudonymKey.fromEnvironment().orElse(null));
  }

  /** As {@link #forScheme(Schemas, String)}, with participant references pseudonymised under the key (null: none kept). */
  public static ReturnMappers forScheme(Schemas schemas, String schemeId, PseudonymKey key) {
    ReturnMapper freeForm = MappingProfile.forScheme(schemas, schemeId)
        .<ReturnMapper>map(FreeFormMapper::new).orElseGet(FreeFormMapper::new);
    return new ReturnMappers(List.of(new TemplateMapper(), new LongFormMapper()), freeForm,
        new ParticipantSheetMapper(key));
  }

  /**
   * Participant-level sheets are taken out first and scored on their own, so no other mapper mistakes their
   * headers ("SWEMWBS baseline") for aggregate measures; the rest of the workbook is mapped as before.
   */
  public MappingResult map(Workbook workbook, ReturnContext context) {
    if (participants == null) {
      return mapAggregate(workbook, context);
    }
    Map<Sheet, ParticipantColumns> found = participants.find(workbook, context.schemas());
    if (found.isEmpty()) {
      return mapAggregate(workbook, context);
    }
    Workbook rest = new Workbook(workbook.format(),
        workbook.sheets().stream().filter(s -> !found.containsKey(s)).toList());
    boolean restHasData = rest.sheets().stream().anyMatch(s -> !s.isEmpty());
    return participants.merge(restHasData ? mapAggregate(rest, context) : null, found, context);
  }

  private MappingResult mapAggregate(Workbook workbook, ReturnContext context) {
    for (ReturnMapper m : exact) {
      if (m.recognises(workbook)) {
        return m.map(workbook, context);
      }
    }
    return fallback.map(workbook, context);
  }
}
