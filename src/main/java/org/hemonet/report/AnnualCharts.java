package org.hemonet.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * The annual report's charts drawn on the server as PNG images (issue 18): the funnel plot (the same control limits,
 * network line and numbered centres as the page's SVG, {@link FunnelChart}) and a trend chart (the network's line and
 * each centre's). Only figures the reader may see are drawn: a suppressed centre ({@code *}) has no dot and no line
 * point, exactly as in the tables printed beside the charts. Drawn at twice the printed size, for print.
 */
final class AnnualCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 24;
    private static final int TOP = 20;
    private static final int BOTTOM = 60;
    private static final Color BRAND = new Color(0xA3, 0x15, 0x2F);
    private static final Color LIMIT = new Color(0x2F, 0x55, 0x8C);
    private static final Color GRID = new Color(0xDD, 0xE1, 0xE6);
    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color OTHER = new Color(0x9A, 0xA3, 0xAE);

    private AnnualCharts() {}

    /** The funnel plot, or null when there is nothing to draw (no patients). */
    static byte @Nullable [] funnel(CentreFunnel.Funnel f, String xLabel) {
        if (f.limits().isEmpty() || number(f.referenceValue()) == null) {
            return null;
        }
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        int maxN = f.limits().get(f.limits().size() - 1).n();
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        DoubleUnaryOperator x = n -> LEFT + plotW * n / maxN;
        double top = FunnelChart.yMax(f);
        DoubleUnaryOperator y = v -> TOP + plotH * (1 - Math.min(v, top) / top);
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4.0;
            yTick(g, y.applyAsDouble(v), String.format(Locale.ROOT, top >= 20 ? "%.0f" : "%.2f", v));
        }
        int step = Math.max(5, ((maxN / 6 + 4) / 5) * 5);
        for (int n = 0; n <= maxN; n += step) {
            xTick(g, x.applyAsDouble(n), Integer.toString(n));
        }
        axes(g, xLabel);
        g.setColor(LIMIT);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        g.draw(steps(f.limits(), FunnelLimits.Limits::upper998, x, y));
        g.draw(steps(f.limits(), FunnelLimits.Limits::lower998, x, y));
        g.setStroke(new BasicStroke(2f));
        g.draw(steps(f.limits(), FunnelLimits.Limits::upper95, x, y));
        g.draw(steps(f.limits(), FunnelLimits.Limits::lower95, x, y));
        double network = y.applyAsDouble(number(f.referenceValue()).doubleValue());
        g.setColor(INK);
        g.draw(new Line2D.Double(LEFT, network, WIDTH - RIGHT, network));
        int number = 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        for (CentreFunnel.Point p : f.points()) {
            number++; // numbered as in the table beside the chart, suppressed centres included
            BigDecimal n = number(p.n());
            BigDecimal v = number(p.value());
            if (p.suppressed() || n == null || v == null) {
                continue;
            }
            double cx = x.applyAsDouble(Math.min(n.doubleValue(), maxN));
            double cy = y.applyAsDouble(v.doubleValue());
            g.setColor(Boolean.TRUE.equals(p.outside998()) ? BRAND : LIMIT);
            g.fillOval((int) cx - 12, (int) cy - 12, 24, 24);
            g.setColor(Color.WHITE);
            String label = Integer.toString(number);
            g.drawString(label, (float) (cx - g.getFontMetrics().stringWidth(label) / 2.0), (float) cy + 5);
        }
        return png(image, g);
    }

    /**
     * A trend chart: the network's line (thick) and each centre's (thin; {@code highlight}'s in the network colour,
     * dashed), over the years of {@code t}. Null when no figure is shown.
     */
    static byte @Nullable [] trend(CentreTrends.Trends t, @Nullable UUID highlight, String networkLabel) {
        List<CentreTrends.Line> lines = new ArrayList<>(t.centres());
        lines.add(t.network());
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (CentreTrends.Line l : lines) {
            for (CentreTrends.YearValue v : l.values()) {
                BigDecimal n = number(v.value());
                if (n != null) {
                    min = Math.min(min, n.doubleValue());
                    max = Math.max(max, n.doubleValue());
                }
            }
        }
        if (min == Double.MAX_VALUE) {
            return null;
        }
        double low = Math.min(0, min);
        double tick = niceStep(((max <= low ? low + 1 : max) - low) / 4);
        double high = low + tick * Math.max(1, Math.ceil((max - low) / tick));
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int years = Math.max(1, t.to() - t.from());
        DoubleUnaryOperator x = year -> LEFT + 30 + (plotW - 60) * (year - t.from()) / years;
        DoubleUnaryOperator y = v -> TOP + plotH * (1 - (v - low) / (high - low));
        for (double v = low; v <= high + tick / 2; v += tick) {
            yTick(g, y.applyAsDouble(v), String.format(Locale.ROOT, tick >= 1 ? "%.0f" : "%.2f", v));
        }
        for (int year = t.from(); year <= t.to(); year++) {
            xTick(g, x.applyAsDouble(year), Integer.toString(year));
        }
        axes(g, "");
        for (CentreTrends.Line l : t.centres()) {
            boolean own = l.centreId() != null && l.centreId().equals(highlight);
            g.setColor(own ? BRAND : OTHER);
            g.setStroke(
                    own
                            ? new BasicStroke(
                                    3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f)
                            : new BasicStroke(1.5f));
            line(g, l, x, y);
        }
        g.setColor(BRAND);
        g.setStroke(new BasicStroke(4f));
        line(g, t.network(), x, y);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawLine(LEFT + 10, HEIGHT - 14, LEFT + 40, HEIGHT - 14);
        g.setColor(BRAND);
        g.fillRect(LEFT + 10, HEIGHT - 16, 30, 4);
        g.setColor(INK);
        g.drawString(networkLabel, LEFT + 48, HEIGHT - 9);
        t.centres().stream()
                .filter(l -> l.centreId() != null && l.centreId().equals(highlight))
                .findFirst()
                .ifPresent(own -> {
                    int at = LEFT + 70 + g.getFontMetrics().stringWidth(networkLabel);
                    g.setColor(BRAND);
                    g.setStroke(new BasicStroke(
                            3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f));
                    g.drawLine(at, HEIGHT - 14, at + 30, HEIGHT - 14);
                    g.setColor(INK);
                    g.drawString(own.centreName(), at + 38, HEIGHT - 9);
                });
        return png(image, g);
    }

    /** The shown points of a line joined where consecutive years are both shown. */
    private static void line(Graphics2D g, CentreTrends.Line l, DoubleUnaryOperator x, DoubleUnaryOperator y) {
        Double px = null;
        Double py = null;
        for (CentreTrends.YearValue v : l.values()) {
            BigDecimal n = number(v.value());
            if (n == null) {
                px = null;
                continue;
            }
            double cx = x.applyAsDouble(v.year());
            double cy = y.applyAsDouble(n.doubleValue());
            if (px != null) {
                g.draw(new Line2D.Double(px, py, cx, cy));
            }
            g.fillOval((int) cx - 4, (int) cy - 4, 8, 8);
            px = cx;
            py = cy;
        }
    }

    /** The smallest of 1, 2, 2.5 or 5 × a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static Path2D steps(
            List<FunnelLimits.Limits> limits,
            ToDoubleFunction<FunnelLimits.Limits> limit,
            DoubleUnaryOperator x,
            DoubleUnaryOperator y) {
        Path2D path = new Path2D.Double();
        boolean first = true;
        for (FunnelLimits.Limits l : limits) {
            double px = x.applyAsDouble(l.n());
            double py = y.applyAsDouble(limit.applyAsDouble(l));
            if (first) {
                path.moveTo(px, py);
                first = false;
            } else {
                path.lineTo(px, path.getCurrentPoint().getY());
                path.lineTo(px, py);
            }
        }
        return path;
    }

    private static BufferedImage canvas() {
        return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        return g;
    }

    private static void yTick(Graphics2D g, double at, String label) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(LEFT, at, WIDTH - RIGHT, at));
        g.setColor(INK);
        g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), (float) at + 5);
    }

    private static void xTick(Graphics2D g, double at, String label) {
        g.setColor(INK);
        g.drawString(label, (float) (at - g.getFontMetrics().stringWidth(label) / 2.0), HEIGHT - BOTTOM + 22);
    }

    private static void axes(Graphics2D g, String xLabel) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        if (!xLabel.isEmpty()) {
            g.drawString(
                    xLabel,
                    (float) ((LEFT + WIDTH - RIGHT - g.getFontMetrics().stringWidth(xLabel)) / 2.0),
                    HEIGHT - 8);
        }
    }

    private static byte[] png(BufferedImage image, Graphics2D g) {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static @Nullable BigDecimal number(String shown) {
        return CentreTrends.number(shown);
    }
}
