package uk.neighbourhood.outcomes.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Each method against a published worked example, to 3 significant figures. Sources are named beside
 * each case.
 */
class StatisticalMethodsTest {

  /**
   * Agreement with a published figure to the precision it was printed with (half a unit of its last
   * digit), or to 4 significant figures when it was printed with more; always at least 3 s.f.
   */
  static void assertSigFigs(double actual, double expected) {
    String printed = java.math.BigDecimal.valueOf(expected).stripTrailingZeros().toPlainString();
    int decimals = printed.contains(".") ? printed.length() - printed.indexOf('.') - 1 : 0;
    double halfUnit = 0.5 * Math.pow(10, -decimals);
    double fourSigFigs = 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 3);
    assertThat(Math.abs(actual - expected)).as("%s vs published %s", actual, printed)
        .isLessThanOrEqualTo(Math.max(halfUnit, fourSigFigs) + 1e-12);
  }

  @Test
  void zValuesMatchTheQuantilesFingertipsUses() {
    // qnorm(0.975) = 1.959964 and qnorm(0.999) = 3.090232; Spiegelhalter (2005) quotes 1.96 and 3.09.
    assertSigFigs(Confidence.z(0.95), 1.959964);
    assertSigFigs(Confidence.z(0.998), 3.090232);
  }

  @Test
  void wilsonMatchesNewcombe1998TableII() {
    // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven methods.
    // Stat Med 1998;17:857-872, Table II, method 3 (score interval without continuity correction).
    Interval a = WilsonScore.interval(81, 263, 0.95);
    assertSigFigs(a.lower(), 0.2553);
    assertSigFigs(a.upper(), 0.3662);
    Interval b = WilsonScore.interval(15, 148, 0.95);
    assertSigFigs(b.lower(), 0.0624);
    assertSigFigs(b.upper(), 0.1605);
    Interval c = WilsonScore.interval(0, 20, 0.95);
    assertThat(c.lower()).isZero();
    assertSigFigs(c.upper(), 0.1611);
    Interval d = WilsonScore.interval(1, 29, 0.95);
    assertSigFigs(d.lower(), 0.0061);
    assertSigFigs(d.upper(), 0.1718);
  }

  @Test
  void wilsonMatchesBostonUniversityWorkedExample() {
    // Boston University SPH, EP713 "Confidence interval for a single proportion" (transcript): 4 deaths among
    // 8 cases, 95% CI "about 21.5% to about 78.5%".
    Interval i = WilsonScore.interval(4, 8, 0.95);
    assertSigFigs(i.lower(), 0.215);
    assertSigFigs(i.upper(), 0.785);
  }

  @Test
  void wilsonAt998IsWiderAndUsesZ309() {
    // At 99.8% the same formula with z = 3.090232 (PHEindicatormethods R/Wilson.R, confidence = 0.998).
    // Hand-worked from the published formula for 81/263: centre (p + z^2/2n)/(1 + z^2/n).
    Interval i95 = WilsonScore.interval(81, 263, 0.95);
    Interval i998 = WilsonScore.interval(81, 263, 0.998);
    double z = 3.090232;
    double n = 263;
    double p = 81 / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    assertThat(i998.lower()).isCloseTo(centre - half, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(i998.upper()).isCloseTo(centre + half, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(i998.lower()).isLessThan(i95.lower());
    assertThat(i998.upper()).isGreaterThan(i95.upper());
  }

  @Test
  void byarMatchesPublishedExampleForOneHundredEvents() {
    // rubygems "byar" gem documentation: observed 100, z = 1.96: upper bound 121.628; lower(100, 90) = 0.90402,
    // i.e. a lower bound of 81.36. (Also Breslow & Day 1987 vol II formula as in PHEindicatormethods R/Byars.R.)
    Interval i = PoissonCount.interval(100, 0.95);
    assertSigFigs(i.upper(), 121.628);
    assertSigFigs(i.lower(), 81.36);
  }

  @Test
  void exactPoissonLimitsMatchPublishedTables() {
    // epitools pois.exact documentation: x = 0 gives an upper limit of 3.689.
    assertSigFigs(PoissonCount.interval(0, 0.95).upper(), 3.689);
    assertThat(PoissonCount.interval(0, 0.95).lower()).isZero();
    // Exact (Garwood) limits for 10 events: 4.80 to 18.39 (calculatorhub Poisson CI page; also StatPages).
    Interval ten = PoissonCount.exact(10, 0.95);
    assertSigFigs(ten.lower(), 4.795);
    assertSigFigs(ten.upper(), 18.39);
    // Barry (1992), "Biological Effects of Low Level Exposures", Table 7.5: 30 observed -> 20.24 to 42.83.
    Interval thirty = PoissonCount.exact(30, 0.95);
    assertSigFigs(thirty.lower(), 20.24);
    assertSigFigs(thirty.upper(), 42.83);
  }

  @Test
  void countsBelowTenUseExactLimitsAsPheIndicatorMethodsDoes() {
    // R/Rates.R: lowercl = if_else(x < 10, qchisq((1-confidence)/2, 2*x)/2, byars_lower(x)).
    assertThat(PoissonCount.interval(9, 0.95)).isEqualTo(PoissonCount.exact(9, 0.95));
    assertThat(PoissonCount.interval(10, 0.95)).isEqualTo(PoissonCount.byar(10, 0.95));
    assertThat(PoissonCount.method(9)).startsWith("exact");
    assertThat(PoissonCount.method(10)).isEqualTo("Byar's method");
  }

  @Test
  void pairedMeanChangeMatchesLeIntroductoryBiostatistics() {
    // Le CT, Introductory Biostatistics (Wiley 2003), section on estimation of means: 12 pairs, mean
    // difference 2.58 mmHg, SD of differences 3.09, t(11) = 2.201 -> 95% CI (0.62, 4.54).
    Interval i = StudentMean.interval(2.58, 3.09, 12, 0.95);
    assertSigFigs(i.lower(), 0.62);
    assertSigFigs(i.upper(), 4.54);
  }

  @Test
  void tIntervalWithoutTwoPeopleIsRefused() {
    assertThatThrownBy(() -> StudentMean.interval(1.0, 2.0, 1, 0.95)).hasMessageStartingWith("Cannot compute a t interval");
  }

  @Test
  void clopperPearsonMatchesInfluentialPointsExample() {
    // InfluentialPoints, "Confidence intervals of proportions", exact Clopper-Pearson worked example:
    // 5 of 25 seedlings survived -> 0.068 to 0.407 (Conover 1999 tables agree).
    Interval i = CountRatio.clopperPearson(5, 25, 0.95);
    assertSigFigs(i.lower(), 0.0683);
    assertSigFigs(i.upper(), 0.407);
  }

  @Test
  void countRatioIsTheConditionalBinomialIntervalTransformed() {
    // after = 5, before = 20: p = after / total is binomial(25); R = p / (1 - p).
    Interval p = CountRatio.clopperPearson(5, 25, 0.95);
    Interval r = CountRatio.interval(5, 20, 0.95);
    assertSigFigs(r.lower(), p.lower() / (1 - p.lower()));
    assertSigFigs(r.upper(), p.upper() / (1 - p.upper()));
    assertThat(r.contains(5.0 / 20)).isTrue();
    assertThat(CountRatio.interval(0, 0, 0.95)).isNull();
  }

  @Test
  void everyIntervalContainsItsEstimateAndNarrowsAsNGrows() {
    double previousWilson = Double.MAX_VALUE;
    double previousRate = Double.MAX_VALUE;
    double previousMean = Double.MAX_VALUE;
    for (int n = 10; n <= 100_000; n *= 3) {
      double x = Math.round(n * 0.3);
      Interval w = WilsonScore.interval(x, n, 0.95);
      assertThat(w.contains(x / n)).isTrue();
      assertThat(w.width()).isLessThan(previousWilson);
      previousWilson = w.width();

      Interval c = PoissonCount.interval(x, 0.95).scaled(1.0 / n);
      assertThat(c.contains(x / n)).isTrue();
      assertThat(c.width()).isLessThan(previousRate);
      previousRate = c.width();

      Interval m = StudentMean.interval(2.0, 5.0, n, 0.95);
      assertThat(m.contains(2.0)).isTrue();
      assertThat(m.width()).isLessThan(previousMean);
      previousMean = m.width();
    }
    for (int count = 0; count < 40; count++) {
      Interval c = PoissonCount.interval(count, 0.998);
      assertThat(c.lower()).isLessThanOrEqualTo(count);
      assertThat(c.upper()).isGreaterThanOrEqualTo(count);
    }
  }
}
