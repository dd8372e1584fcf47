package cn.tingfeng.report.doc;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Charts of a report as PNG (Java2D, headless), with the CJK font so that Chinese labels render. */
public final class Charts {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 380;

    private Charts() {
    }

    /** A line over ordered categories (e.g. days → incidents). */
    public static byte[] line(CjkFont font, String title, String xLabel, String yLabel, String series, Map<String, ? extends Number> values) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        values.forEach((k, v) -> ds.addValue(v, series, k));
        JFreeChart chart = ChartFactory.createLineChart(title, xLabel, yLabel, ds, PlotOrientation.VERTICAL, false, false, false);
        theme(font).apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        r.setSeriesPaint(0, new Color(0xB2, 0x1F, 0x1F));
        r.setSeriesStroke(0, new java.awt.BasicStroke(2.5f));
        if (values.size() > 10) plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        integers(plot, font, values.keySet());
        return png(chart);
    }

    /** Bars per category (e.g. platform → posts). */
    public static byte[] bars(CjkFont font, String title, String xLabel, String yLabel, Map<String, ? extends Number> values) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        values.forEach((k, v) -> ds.addValue(v, yLabel, k));
        JFreeChart chart = ChartFactory.createBarChart(title, xLabel, yLabel, ds, PlotOrientation.VERTICAL, false, false, false);
        theme(font).apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        r.setSeriesPaint(0, new Color(0x2F, 0x5D, 0x9E));
        integers(plot, font, values.keySet());
        return png(chart);
    }

    /** Integer ticks; tick labels in a font that has their glyphs (digits: the Latin companion). */
    private static void integers(CategoryPlot plot, CjkFont font, java.util.Collection<String> categories) {
        Font ticks = font.awtFor("0123456789").deriveFont(Font.PLAIN, 12f);
        plot.getRangeAxis().setTickLabelFont(ticks);
        plot.getDomainAxis().setTickLabelFont(font.awtFor(String.join("", categories)).deriveFont(Font.PLAIN, 12f));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
    }

    private static StandardChartTheme theme(CjkFont font) {
        Font base = font.awt();
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(base.deriveFont(Font.PLAIN, 22f));
        t.setLargeFont(base.deriveFont(Font.PLAIN, 16f));
        t.setRegularFont(base.deriveFont(Font.PLAIN, 14f));
        t.setSmallFont(base.deriveFont(Font.PLAIN, 12f));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        return t;
    }

    private static byte[] png(JFreeChart chart) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
