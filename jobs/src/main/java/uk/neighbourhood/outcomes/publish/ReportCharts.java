package uk.neighbourhood.outcomes.publish;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (XDDF), drawn from cells on the same sheet so that readers can see and reuse the
 * numbers behind every chart. Series differ by line style and marker as well as colour.
 */
final class ReportCharts {
  private static final byte[] BLUE = ReportBook.hex("0072B2");
  private static final byte[] BLACK = ReportBook.hex("000000");
  private static final byte[] GREY = ReportBook.hex("595959");

  private ReportCharts() {}

  /** One series over time: categories are period labels, values the England figures. */
  static XSSFChart trend(XSSFSheet sheet, int col1, int row1, int col2, int row2, String title,
      CellRangeAddress periods, CellRangeAddress values, String seriesName) {
    XSSFChart chart = chart(sheet, col1, row1, col2, row2, title);
    XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, periods);
    XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromNumericCellRange(sheet, values);
    XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
    data.setVaryColors(false);
    XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(cats, vals);
    s.setTitle(seriesName, null);
    s.setSmooth(false);
    s.setMarkerStyle(MarkerStyle.CIRCLE);
    chart.plot(data);
    s.setLineProperties(line(BLUE, 2.25, null));
    return chart;
  }

  /** A limit line of a funnel plot: its name, the y-values column, and how it is drawn. */
  record Limit(String name, CellRangeAddress values, boolean dashed, boolean centre) {}

  /**
   * A funnel plot: schemes as points (x denominator, y value) and the control limits as lines over
   * their own x column.
   */
  static XSSFChart funnel(XSSFSheet sheet, int col1, int row1, int col2, int row2, String title, String xTitle,
      String yTitle, CellRangeAddress pointX, CellRangeAddress pointY, CellRangeAddress limitX, List<Limit> limits,
      double yLow, double yHigh) {
    XSSFChart chart = chart(sheet, col1, row1, col2, row2, title);
    XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
    bottom.setTitle(xTitle);
    bottom.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setTitle(yTitle);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    // Start the value axis near the data, not at zero, so the funnel's shape is visible.
    double pad = Math.max((yHigh - yLow) * 0.05, 1e-9);
    double step = Math.pow(10, Math.floor(Math.log10(Math.max(yHigh - yLow, 1e-9))));
    left.setMinimum(Math.max(0, Math.floor((yLow - pad) / step) * step));
    left.setMaximum(Math.ceil((yHigh + pad) / step) * step);
    XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom, left);
    data.setStyle(ScatterStyle.LINE_MARKER);
    data.setVaryColors(false);
    XDDFNumericalDataSource<Double> lx = XDDFDataSourcesFactory.fromNumericCellRange(sheet, limitX);
    java.util.List<XDDFScatterChartData.Series> lines = new java.util.ArrayList<>();
    for (Limit l : limits) {
      XDDFScatterChartData.Series s = (XDDFScatterChartData.Series) data.addSeries(lx,
          XDDFDataSourcesFactory.fromNumericCellRange(sheet, l.values()));
      s.setTitle(l.name(), null);
      s.setSmooth(false);
      s.setMarkerStyle(MarkerStyle.NONE);
      lines.add(s);
    }
    XDDFScatterChartData.Series points = null;
    if (pointX != null) {
      points = (XDDFScatterChartData.Series) data.addSeries(
          XDDFDataSourcesFactory.fromNumericCellRange(sheet, pointX),
          XDDFDataSourcesFactory.fromNumericCellRange(sheet, pointY));
      points.setTitle("Schemes", null);
      points.setSmooth(false);
      points.setMarkerStyle(MarkerStyle.CIRCLE);
    }
    chart.plot(data);
    for (int i = 0; i < limits.size(); i++) {
      Limit l = limits.get(i);
      lines.get(i).setLineProperties(l.centre() ? line(BLACK, 1.5, null)
          : line(GREY, 1.25, l.dashed() ? PresetLineDash.DASH : PresetLineDash.SYSTEM_DOT));
    }
    if (points != null) {
      XDDFShapeProperties sp = new XDDFShapeProperties();
      sp.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
      points.setShapeProperties(sp);
      // Solid blue dots: the default palette draws them pale, too faint against the limit lines.
      XDDFShapeProperties marker = new XDDFShapeProperties();
      marker.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BLUE)));
      marker.setLineProperties(line(BLUE, 0.75, null));
      points.getCTScatterSer().getMarker().setSpPr(marker.getXmlObject());
    }
    return chart;
  }

  private static XSSFChart chart(XSSFSheet sheet, int col1, int row1, int col2, int row2, String title) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
    XSSFChart chart = drawing.createChart(anchor);
    // Alternative text for screen readers: the chart's title and where its numbers are.
    chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr()
        .setDescr(title + ". The numbers shown in this chart are in the table on this sheet.");
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    XDDFChartLegend legend = chart.getOrAddLegend();
    legend.setPosition(LegendPosition.BOTTOM);
    return chart;
  }

  private static XDDFLineProperties line(byte[] rgb, double width, PresetLineDash dash) {
    XDDFLineProperties p = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
    p.setWidth(width);
    if (dash != null) {
      p.setPresetDash(new XDDFPresetLineDash(dash));
    }
    return p;
  }

}
