package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Maps a return in the team's own shape: chooses the data sheets, detects the layout, settles the
 * period, rolls months up into quarters and keeps the lineage of every figure. Conservative by
 * design: a header it is not sure of is reported, not guessed, because a refused return costs a
 * resubmission while a wrong published number costs trust.
 */
public final class FreeFormMapper implements ReturnMapper {
  public static final String LAYOUT = "free-form";

  private final MappingProfile explicitProfile;

  /** Uses {@code schemas/profiles/<scheme_id>.yaml} when the scheme has one. */
  public FreeFormMapper() {
    this(null);
  }

  /** Uses the given profile whatever the scheme (for {@code --profile} and tests). */
  public FreeFormMapper(MappingProfile profile) {
    this.explicitProfile = profile;
  }

  @Override
  public boolean recognises(Workbook workbook) {
    LayoutDetector detector = new LayoutDetector(HeaderMatcher.of(MeasureCatalog.bundled()));
    return dataSheets(workbook, null).stream().anyMatch(s -> detector.detect(s, null).mapsAnything());
  }

  @Override
  public MappingResult map(Workbook workbook, ReturnContext context) {
    MeasureCatalog catalog = context.schemas().measures();
    MappingProfile profile;
    try {
      profile = explicitProfile != null ? explicitProfile
          : MappingProfile.forScheme(context.schemas(), context.schemeId()).orElse(null);
    } catch (CatalogException e) {
      return MappingResult.refused(LAYOUT, Problem.error("map.bad_profile",
          "Cannot map this return: its scheme's mapping profile is invalid. " + e.getMessage(),
          "The national team must correct the profile; the return itself may be fine."));
    }
    List<Problem> problems = new ArrayList<>();
    List<Sheet> sheets = dataSheets(workbook, profile);
    if (profile != null && profile.sheet() != null && sheets.isEmpty()) {
      return MappingResult.refused(LAYOUT, Problem.error("map.no_sheet",
          "Cannot map this return: it has no sheet named '" + profile.sheet() + "', which the scheme's profile expects.",
          "Keep the sheet name of earlier returns, or ask for the profile to be updated."));
    }
    LayoutDetector detector = new LayoutDetector(HeaderMatcher.of(catalog));
    List<SheetLayout> layouts = new ArrayList<>();
    Period stated = null;
    String declared = null;
    for (Sheet s : sheets) {
      SheetLayout layout = detector.detect(s, profile);
      problems.addAll(layout.problems());
      if (layout.mapsAnything()) {
        layouts.add(layout);
      }
      stated = stated == null ? layout.statedPeriod() : stated;
      declared = declared == null ? layout.declaredScheme() : declared;
    }
    if (layouts.isEmpty()) {
      problems.add(Problem.error("map.no_measures",
          "Cannot map this return: no column or row matched a known measure (looked at "
              + sheets.stream().map(s -> "'" + s.name() + "'").toList() + ").",
          "Use the official return template (outcomes template), or name columns or rows as in the template;"
              + " the warnings above list the closest measures for each header."));
      return new MappingResult(LAYOUT, declared, List.of(), List.of(), problems);
    }
    Optional<Period> fromFile = PeriodParser.fromFileName(context.fileName());
    Period fallback = profile != null && profile.period() != null ? Period.parse(profile.period())
        : stated != null ? stated : fromFile.orElse(null);
    if (profile == null || profile.period() == null) {
      Period fromCells = stated;
      if (fromCells == null) {
        fromCells = layouts.stream().flatMap(l -> l.points().stream()).map(RawPoint::period).filter(Objects::nonNull)
            .map(ParsedPeriod::period).findFirst().orElse(null);
      }
      if (fromCells != null && fromFile.isPresent() && !fromFile.get().equals(fromCells)) {
        problems.add(Problem.warning("map.period_conflict", "Cannot be sure of the period: the file name says "
            + fromFile.get().displayName() + " but the sheet says " + fromCells.displayName()
            + "; the sheet is used.", "Name the file after the quarter it reports."));
      }
    }
    Map<SheetLayout, List<RawPoint>> bySheet = new LinkedHashMap<>();
    for (SheetLayout l : layouts) {
      List<RawPoint> points = bySheet.computeIfAbsent(l, k -> new ArrayList<>());
      boolean forced = profile != null && profile.period() != null;
      // a team's total without a period of its own belongs to the quarter of its parts
      List<Period> quarters = l.points().stream().filter(p -> !p.total() && p.period() != null)
          .map(p -> p.period().period()).distinct().toList();
      for (RawPoint p : l.points()) {
        ParsedPeriod pp;
        if (p.period() != null && (p.period().isMonth() || !forced)) {
          pp = p.period();
        } else if (p.total() && quarters.size() == 1 && !forced) {
          pp = ParsedPeriod.quarter(quarters.get(0));
        } else {
          pp = fallback == null ? null : ParsedPeriod.quarter(fallback);
        }
        if (pp == null && p.total()) {
          continue;
        }
        if (pp == null) {
          problems.add(Problem.error("map.no_period",
              "Cannot map this return: no period found in its cells or its file name.",
              "Write the quarter at the top of the sheet (e.g. Period: Q2 2025/26) or in the file name"
                  + " (e.g. " + context.schemeId() + "_2025-26_Q2.xlsx)."));
          return new MappingResult(LAYOUT, declared, List.of(), List.of(), problems);
        }
        points.add(p.withPeriod(pp));
      }
    }
    QuarterRollup rollup = new QuarterRollup(catalog, profile, context, problems);
    List<Observation> observations = new ArrayList<>();
    for (Map.Entry<SheetLayout, List<RawPoint>> e : bySheet.entrySet()) {
      observations.addAll(rollup.observations(e.getKey().sheet(), e.getValue()));
    }
    observations = dedupeAcrossSheets(observations, problems);
    observations.sort(Comparator.comparing(Observation::period)
        .thenComparing(o -> o.areaCode() == null ? "" : o.areaCode()).thenComparing(Observation::measure));
    List<String> periods = new ArrayList<>(new TreeSet<>(observations.stream().map(Observation::period).toList()));
    if (observations.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
      boolean partial = problems.stream().anyMatch(p -> p.code().equals("map.incomplete_quarter"));
      problems.add(Problem.error("map.no_measures", partial
          ? "Cannot map this return: its monthly figures cover only part of a quarter, and a quarter is published whole."
          : "Cannot map this return: measures were found but none had a usable figure.",
          partial ? "Send one return per quarter with a figure for each of its three months."
              : "Fill in the figures for the quarter; use <5 for small numbers you must suppress."));
    }
    String layout = LAYOUT + " " + String.join("+", layouts.stream().map(SheetLayout::kind).distinct().toList());
    return new MappingResult(layout, declared, periods, observations, problems);
  }

  /** The same measure from two sheets is ambiguous: report it and publish neither. */
  private static List<Observation> dedupeAcrossSheets(List<Observation> all, List<Problem> problems) {
    Map<String, List<Observation>> byKey = new LinkedHashMap<>();
    for (Observation o : all) {
      byKey.computeIfAbsent(o.measure() + "|" + o.period() + "|" + o.areaCode(), k -> new ArrayList<>()).add(o);
    }
    List<Observation> out = new ArrayList<>();
    for (List<Observation> group : byKey.values()) {
      if (group.size() == 1) {
        out.add(group.get(0));
      } else {
        problems.add(Problem.error("map.duplicate_measure", "Cannot map " + group.get(0).measure() + " for "
            + group.get(0).period() + ": it appears more than once (" + group.stream().map(Observation::location).toList()
            + ").", "Give each measure once per quarter and area.").at(group.get(1).sourceSheet(), group.get(1).sourceCell()));
      }
    }
    return out;
  }

  /** Visible sheets that are not instructions; or the profile's sheet, even when hidden. */
  static List<Sheet> dataSheets(Workbook workbook, MappingProfile profile) {
    if (profile != null && profile.sheet() != null) {
      return workbook.sheet(profile.sheet()).map(List::of).orElse(List.of());
    }
    return workbook.visibleSheets().stream().filter(s -> !LayoutDetector.isInstructions(s) && !s.isEmpty()).toList();
  }
}
