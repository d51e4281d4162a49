package io.cdp.trainer.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML evaluation report: a metrics table, ROC and precision-recall curves and a gain importance
 * chart, drawn as inline SVG so the file opens anywhere without network or scripts.
 */
public final class HtmlReport {

    private static final int SIZE = 360;
    private static final int PAD = 40;
    private static final int MAX_POINTS = 600;

    private final String title;
    private final List<String[]> tableRows = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private String[] tableHeader = new String[0];

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport table(String[] header, List<String[]> rows) {
        this.tableHeader = header.clone();
        this.tableRows.clear();
        this.tableRows.addAll(rows);
        return this;
    }

    public HtmlReport paragraph(String text) {
        sections.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /** A curve through (x, y) points in [0, 1]^2, with an optional dashed reference line. */
    public HtmlReport curve(
            String heading, String xLabel, String yLabel, double[][] points, boolean diagonal, boolean steps) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' " + "role='img' aria-label='%s'>",
                SIZE + 2 * PAD,
                SIZE + 2 * PAD,
                escape(heading)));
        axes(svg, xLabel, yLabel);
        if (diagonal) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#aaa' " + "stroke-dasharray='4 4'/>",
                    PAD,
                    PAD + SIZE,
                    PAD + SIZE,
                    PAD));
        }
        svg.append("<polyline fill='none' stroke='#1f6fb2' stroke-width='2' points='");
        int stride = Math.max(1, points.length / MAX_POINTS);
        double prevY = Double.NaN;
        for (int i = 0; i < points.length; i += stride) {
            double[] p = points[i];
            if (steps && !Double.isNaN(prevY)) {
                svg.append(fmt(x(p[0]))).append(',').append(fmt(y(prevY))).append(' ');
            }
            svg.append(fmt(x(p[0]))).append(',').append(fmt(y(p[1]))).append(' ');
            prevY = p[1];
        }
        double[] last = points[points.length - 1];
        svg.append(fmt(x(last[0]))).append(',').append(fmt(y(last[1])));
        svg.append("'/></svg>");
        sections.add("<figure><figcaption>" + escape(heading) + "</figcaption>" + svg + "</figure>");
        return this;
    }

    /** Horizontal bars, largest first. */
    public HtmlReport bars(String heading, Map<String, Double> values) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        double max = sorted.stream().mapToDouble(Map.Entry::getValue).max().orElse(1);
        int rowHeight = 20;
        int labelWidth = 300;
        int barWidth = 320;
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='%s'>",
                labelWidth + barWidth + 90,
                rowHeight * sorted.size() + 10,
                escape(heading)));
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<String, Double> e = sorted.get(i);
            double w = max <= 0 ? 0 : e.getValue() / max * barWidth;
            int top = 5 + i * rowHeight;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%d' text-anchor='end' font-size='12'>%s</text>",
                    labelWidth - 6,
                    top + 13,
                    escape(e.getKey())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='%d' y='%d' width='%s' height='%d' fill='#1f6fb2'/>",
                    labelWidth,
                    top + 2,
                    fmt(w),
                    rowHeight - 6));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%s' y='%d' font-size='11'>%s</text>",
                    fmt(labelWidth + w + 4),
                    top + 13,
                    String.format(Locale.ROOT, "%.1f", e.getValue())));
        }
        svg.append("</svg>");
        sections.add("<figure><figcaption>" + escape(heading) + "</figcaption>" + svg + "</figure>");
        return this;
    }

    public String render() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>")
                .append(escape(title))
                .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
                        + "text-align:right}td:first-child,th:first-child{text-align:left}"
                        + "tr.ours{font-weight:bold;background:#eef5fb}figure{display:inline-block;margin:1em}"
                        + "figcaption{font-weight:bold}</style></head><body><h1>")
                .append(escape(title))
                .append("</h1>");
        if (tableHeader.length > 0) {
            html.append("<table><tr>");
            for (String h : tableHeader) {
                html.append("<th>").append(escape(h)).append("</th>");
            }
            html.append("</tr>");
            for (String[] row : tableRows) {
                html.append(row[0].startsWith("ours") ? "<tr class='ours'>" : "<tr>");
                for (String cell : row) {
                    html.append("<td>").append(escape(cell)).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
        sections.forEach(html::append);
        return html.append("</body></html>\n").toString();
    }

    private static void axes(StringBuilder svg, String xLabel, String yLabel) {
        svg.append(String.format(
                Locale.ROOT,
                "<rect x='%d' y='%d' width='%d' height='%d' fill='none' " + "stroke='#333'/>",
                PAD,
                PAD,
                SIZE,
                SIZE));
        for (int t = 0; t <= 4; t++) {
            double v = t / 4.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%s' y='%d' font-size='10' text-anchor='middle'>%.2f" + "</text>",
                    fmt(x(v)),
                    PAD + SIZE + 14,
                    v));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%s' font-size='10' text-anchor='end'>%.2f" + "</text>",
                    PAD - 4,
                    fmt(y(v) + 3),
                    v));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x='%d' y='%d' font-size='12' text-anchor='middle'>%s</text>",
                PAD + SIZE / 2,
                PAD + SIZE + 32,
                escape(xLabel)));
        svg.append(String.format(
                Locale.ROOT,
                "<text x='12' y='%d' font-size='12' text-anchor='middle' " + "transform='rotate(-90 12 %d)'>%s</text>",
                PAD + SIZE / 2,
                PAD + SIZE / 2,
                escape(yLabel)));
    }

    private static double x(double v) {
        return PAD + v * SIZE;
    }

    private static double y(double v) {
        return PAD + (1 - v) * SIZE;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
