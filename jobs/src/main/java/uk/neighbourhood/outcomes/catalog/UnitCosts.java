package uk.neighbourhood.outcomes.catalog;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** National unit costs of service use ({@code schemas/unit-costs.yaml}), each with its source and price year. */
public final class UnitCosts implements Serializable {

  /** One service's unit cost and where it comes from. */
  public record UnitCost(String code, String label, String beforeMeasure, String afterMeasure, double costGbp,
      String source, String edition, String priceYear, String confidence) implements Serializable {

    public String citation() {
      return label + " £" + uk.neighbourhood.outcomes.model.CellRef.formatNumber(costGbp) + " (" + source + ", "
          + edition + ", " + priceYear + " prices)";
    }
  }

  private final List<UnitCost> costs;

  private UnitCosts(List<UnitCost> costs) {
    this.costs = List.copyOf(costs);
  }

  public static UnitCosts bundled() {
    Schemas s = Schemas.bundled();
    return load("schemas/unit-costs.yaml", s.open("unit-costs.yaml"), s.measures());
  }

  public static UnitCosts load(String file, InputStream in, MeasureCatalog measures) {
    List<UnitCost> out = new ArrayList<>();
    for (YamlRecords.Entry e : YamlRecords.list(file, in, "unit_costs")) {
      String code = e.requiredString("code");
      String where = e.where() + ": Cannot load unit cost '" + code + "': ";
      Double cost = e.number("cost_gbp");
      if (cost == null || cost <= 0) {
        throw new CatalogException(where + "'cost_gbp' is required and positive.");
      }
      for (String key : List.of("before_measure", "after_measure")) {
        String m = e.requiredString(key);
        if (!measures.contains(m)) {
          throw new CatalogException(where + "its " + key + " '" + m + "' is not a measure in measures.yaml.");
        }
      }
      out.add(new UnitCost(code, e.requiredString("label"), e.requiredString("before_measure"),
          e.requiredString("after_measure"), cost, e.requiredString("source"), e.requiredString("edition"),
          e.requiredString("price_year"), e.requiredString("confidence")));
    }
    return new UnitCosts(out);
  }

  public List<UnitCost> all() {
    return costs;
  }
}
