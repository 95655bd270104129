package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;

/**
 * Matches a header a team wrote ("No. of clients supported (Q2)") to a measure code, with a
 * confidence. Exact synonyms (after normalising) score 1; otherwise a token-set similarity that
 * forgives small typos per word. Guards run before any score counts: a header and a synonym must agree
 * on before/after words and on mean versus count, because "GP appointments before" published as
 * "after" would reverse a finding while looking plausible.
 */
public final class HeaderMatcher {
  public static final double THRESHOLD = 0.85;
  private static final double TOKEN_TYPO = 0.92;
  private static final Set<String> STOP = Set.of("of", "the", "in", "to", "at", "for", "and", "or", "a", "an",
      "by", "on", "with", "this", "quarter", "qtr", "q1", "q2", "q3", "q4", "per", "all");
  private static final Set<String> BEFORE = Set.of("before", "pre", "baseline", "start", "prior", "entry", "initial");
  private static final Set<String> AFTER = Set.of("after", "post", "followup", "follow", "end", "exit", "final");
  private static final Set<String> MEAN = Set.of("mean", "average", "avg");
  private static final Set<String> COUNT = Set.of("number", "no", "count", "total", "n", "sum");

  private final MeasureCatalog catalog;
  private final Map<String, List<String>> phrases = new HashMap<>();
  private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();

  public HeaderMatcher(MeasureCatalog catalog) {
    this.catalog = catalog;
    for (Measure m : catalog.all()) {
      Set<String> all = new LinkedHashSet<>();
      all.add(normalise(m.code().replace('_', ' ')));
      all.add(normalise(m.label()));
      for (String s : m.synonyms()) {
        all.add(normalise(s));
      }
      all.remove("");
      phrases.put(m.code(), List.copyOf(all));
    }
  }

  /**
   * Lower-case words without punctuation, units or filler: {@code "No. of A&E attendances (before)"}
   * becomes {@code "ae attendances before"}.
   */
  public static String normalise(String header) {
    if (header == null) {
      return "";
    }
    String s = header.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
    s = s.replaceAll("\\ba\\s*(&|and)\\s*e\\b", "ae");
    s = s.replace("&", " and ").replace("\u00a3", " ").replace("%", " ");
    s = s.replaceAll("follow[\\s-]+up", "followup").replace("follow-up", "followup");
    s = s.replaceAll("[^a-z0-9]+", " ");
    s = (" " + s + " ").replaceAll(" (no|nos|num|number) of ", " ").replaceAll(" hrs ", " hours ").replaceAll(" hr ", " hours ").replaceAll(" no ", " number ")
        .replaceAll(" nos ", " number ").replaceAll(" num ", " number ").replaceAll(" appts? ", " appointments ");
    s = s.replaceAll(" (number|total|count|gbp|pounds|percentage|percent|pct|proportion) ", " ");
    s = s.replaceAll(" (number|total|count|gbp|pounds|percentage|percent|pct|proportion) ", " ");
    return s.trim().replaceAll("\\s+", " ");
  }

  /** The best measure if it clears the threshold and no other measure ties with it. */
  public Optional<HeaderMatch> match(String header) {
    List<HeaderMatch> ranked = rank(header, 2);
    if (ranked.isEmpty() || ranked.get(0).confidence() < THRESHOLD) {
      return Optional.empty();
    }
    if (ranked.size() > 1 && ranked.get(1).confidence() >= ranked.get(0).confidence() - 0.02
        && ranked.get(0).confidence() < 1.0) {
      return Optional.empty();
    }
    return Optional.of(ranked.get(0));
  }

  /** The best {@code limit} candidates, highest confidence first, whatever their score. */
  public List<HeaderMatch> rank(String header, int limit) {
    String norm = normalise(header);
    if (norm.isEmpty()) {
      return List.of();
    }
    String raw = " " + header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%]+", " ") + " ";
    boolean percent = header.contains("%") || raw.matches(".* (percent|percentage|pct|proportion|rate) .*");
    boolean saysMean = hasAny(words(raw), MEAN);
    boolean saysCount = hasAny(words(raw), COUNT);
    List<String> tokens = tokens(norm);
    List<HeaderMatch> out = new ArrayList<>();
    for (Measure m : catalog.all()) {
      boolean isMean = m.aggregation() == Measure.Aggregation.MEAN;
      if ((saysMean && !isMean) || (saysCount && isMean)) {
        continue;
      }
      double best = 0;
      for (String phrase : phrases.get(m.code())) {
        best = Math.max(best, score(norm, tokens, phrase));
      }
      if (best > 0) {
        out.add(new HeaderMatch(m.code(), Math.round(best * 100) / 100.0, percent));
      }
    }
    out.sort(Comparator.comparingDouble(HeaderMatch::confidence).reversed().thenComparing(HeaderMatch::measure));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private double score(String norm, List<String> tokens, String phrase) {
    List<String> other = tokens(phrase);
    if (direction(tokens) != direction(other)) {
      return 0;
    }
    if (norm.equals(phrase)) {
      return 1.0;
    }
    if (tokens.isEmpty() || other.isEmpty()) {
      return 0;
    }
    double tokenScore = (coverage(tokens, other) + coverage(other, tokens)) / (tokens.size() + other.size());
    // whole-string likeness only ranks suggestions: scaled so that alone it never clears the threshold
    return Math.max(tokenScore, 0.7 * jw.apply(norm, phrase));
  }

  /** Sum over {@code a}'s tokens of their best similarity in {@code b}, counting only near-exact words. */
  private double coverage(List<String> a, List<String> b) {
    double sum = 0;
    for (String t : a) {
      double best = 0;
      for (String u : b) {
        double s = t.equals(u) ? 1.0 : (t.length() > 3 && u.length() > 3 ? jw.apply(t, u) : 0);
        best = Math.max(best, s);
      }
      sum += best >= TOKEN_TYPO ? best : 0;
    }
    return sum;
  }

  private static int direction(List<String> tokens) {
    boolean before = hasAny(tokens, BEFORE);
    boolean after = hasAny(tokens, AFTER);
    if (before == after) {
      return before ? 3 : 0;
    }
    return before ? 1 : 2;
  }

  private static List<String> tokens(String norm) {
    return Arrays.stream(norm.split(" ")).filter(t -> !t.isEmpty() && !STOP.contains(t)).toList();
  }

  private static List<String> words(String s) {
    return Arrays.stream(s.trim().split(" ")).toList();
  }

  private static boolean hasAny(List<String> tokens, Set<String> set) {
    for (String t : tokens) {
      if (set.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
