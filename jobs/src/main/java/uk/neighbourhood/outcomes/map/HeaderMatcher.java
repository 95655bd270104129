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
 * "after" would reverse a finding while looking plausible. Remembers its answers, so use one per
 * mapping and do not share it between threads.
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
  // normalise runs for every text of every sheet: its patterns are compiled once (String.replaceAll would
  // compile each one on every call)
  private static final java.util.regex.Pattern AE = java.util.regex.Pattern.compile("\\ba\\s*(&|and)\\s*e\\b");
  private static final java.util.regex.Pattern FOLLOW_UP = java.util.regex.Pattern.compile("follow[\\s-]+up");
  private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^a-z0-9]+");
  private static final java.util.regex.Pattern NUMBER_OF = java.util.regex.Pattern.compile(" (no|nos|num|number) of ");
  private static final java.util.regex.Pattern HRS = java.util.regex.Pattern.compile(" hrs ");
  private static final java.util.regex.Pattern HR = java.util.regex.Pattern.compile(" hr ");
  private static final java.util.regex.Pattern NO = java.util.regex.Pattern.compile(" no ");
  private static final java.util.regex.Pattern NOS = java.util.regex.Pattern.compile(" nos ");
  private static final java.util.regex.Pattern NUM = java.util.regex.Pattern.compile(" num ");
  private static final java.util.regex.Pattern APPTS = java.util.regex.Pattern.compile(" appts? ");
  private static final java.util.regex.Pattern FILLER = java.util.regex.Pattern.compile(
      " (number|total|count|gbp|pounds|percentage|percent|pct|proportion) ");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private final MeasureCatalog catalog;
  private final Map<String, List<Phrase>> phrases = new HashMap<>();
  private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
  /** Layout detection asks about the same few texts many times; ranking every measure each time is waste. */
  private final Map<String, List<HeaderMatch>> ranked = new java.util.concurrent.ConcurrentHashMap<>();
  /** Distinct header texts remembered; beyond this the memory is cleared (a national run meets many). */
  private static final int RANKED_MAX = 100_000;

  /** A catalogue phrase, normalised and split once: scoring meets each phrase for every header. */
  private record Phrase(String norm, List<String> tokens, int direction) {
    static Phrase of(String norm) {
      List<String> t = HeaderMatcher.tokens(norm);
      return new Phrase(norm, t, HeaderMatcher.direction(t));
    }
  }

  private static HeaderMatcher last;

  /**
   * The matcher of a catalogue, shared by every return a JVM maps with that same catalogue object: its
   * phrases are prepared once and the rankings of texts already seen are remembered. Safe across threads.
   */
  public static synchronized HeaderMatcher of(MeasureCatalog catalog) {
    if (last == null || last.catalog != catalog) {
      last = new HeaderMatcher(catalog);
    }
    return last;
  }

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
      phrases.put(m.code(), all.stream().map(Phrase::of).toList());
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
    s = AE.matcher(s).replaceAll("ae");
    s = s.replace("&", " and ").replace("\u00a3", " ").replace("%", " ");
    s = FOLLOW_UP.matcher(s).replaceAll("followup").replace("follow-up", "followup");
    s = NOT_WORD.matcher(s).replaceAll(" ");
    s = NUMBER_OF.matcher(" " + s + " ").replaceAll(" ");
    s = HRS.matcher(s).replaceAll(" hours ");
    s = HR.matcher(s).replaceAll(" hours ");
    s = NO.matcher(s).replaceAll(" number ");
    s = NOS.matcher(s).replaceAll(" number ");
    s = NUM.matcher(s).replaceAll(" number ");
    s = APPTS.matcher(s).replaceAll(" appointments ");
    s = FILLER.matcher(s).replaceAll(" ");
    s = FILLER.matcher(s).replaceAll(" ");
    return SPACES.matcher(s.trim()).replaceAll(" ");
  }

  /** The best measure if it clears the threshold and no other measure ties with it. */
  public Optional<HeaderMatch> match(String header) {
    List<HeaderMatch> best = rank(header, 2);
    if (best.isEmpty() || best.get(0).confidence() < THRESHOLD) {
      return Optional.empty();
    }
    // two measures (nearly) tied: choosing either would be a guess
    if (best.size() > 1 && best.get(1).confidence() >= best.get(0).confidence() - 0.02) {
      return Optional.empty();
    }
    return Optional.of(best.get(0));
  }

  /** The best {@code limit} candidates, highest confidence first, whatever their score. */
  public List<HeaderMatch> rank(String header, int limit) {
    if (header == null) {
      return List.of();
    }
    List<HeaderMatch> all = ranked.get(header);
    if (all == null) {
      all = rankAll(header);
      if (ranked.size() >= RANKED_MAX) {
        ranked.clear();
      }
      ranked.put(header, all);
    }
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  private List<HeaderMatch> rankAll(String header) {
    String norm = normalise(header);
    if (norm.isEmpty() || norm.chars().noneMatch(Character::isLetter)) {
      return List.of();
    }
    String raw = " " + header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%]+", " ") + " ";
    boolean percent = header.contains("%") || raw.matches(".* (percent|percentage|pct|proportion|rate) .*");
    boolean saysMean = hasAny(words(raw), MEAN);
    boolean saysCount = hasAny(words(raw), COUNT);
    List<String> tokens = tokens(norm);
    int direction = direction(tokens);
    List<HeaderMatch> out = new ArrayList<>();
    for (Measure m : catalog.all()) {
      boolean isMean = m.aggregation() == Measure.Aggregation.MEAN;
      if ((saysMean && !isMean) || (saysCount && isMean)) {
        continue;
      }
      double best = 0;
      for (Phrase phrase : phrases.get(m.code())) {
        best = Math.max(best, score(norm, tokens, direction, phrase));
      }
      if (best > 0) {
        out.add(new HeaderMatch(m.code(), Math.round(best * 100) / 100.0, percent));
      }
    }
    out.sort(Comparator.comparingDouble(HeaderMatch::confidence).reversed().thenComparing(HeaderMatch::measure));
    return List.copyOf(out);
  }

  private double score(String norm, List<String> tokens, int direction, Phrase p) {
    String phrase = p.norm();
    List<String> other = p.tokens();
    if (direction != p.direction()) {
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
    // bare numbers are footnote marks or years ("People supported (1)", "... 2025/26"), never a measure's word
    return Arrays.stream(norm.split(" ")).filter(t -> !t.isEmpty() && !STOP.contains(t) && !allDigits(t))
        .toList();
  }

  private static boolean allDigits(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
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
