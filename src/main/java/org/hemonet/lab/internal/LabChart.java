package org.hemonet.lab.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hemonet.lab.AssayMethod;
import org.hemonet.lab.LabResult;
import org.jspecify.annotations.Nullable;

/**
 * A server-rendered SVG trend of one analyte (no script): one line per assay method, the reference range as a band,
 * in the canonical unit. Coordinates are in the SVG's own units.
 */
record LabChart(
        int width,
        int height,
        int left,
        int plotRight,
        List<Tick> yTicks,
        List<Tick> xTicks,
        @Nullable Band band,
        List<Series> series) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int TOP = 10;
    static final int BOTTOM = 26;

    record Tick(double at, String label) {}

    record Band(double y, double height) {}

    record Point(double x, double y, String label, boolean flagged) {}

    /** One method's line; {@code kind} is the CSS-free stroke style: solid for one-stage or none, dashed otherwise. */
    record Series(String method, String points, List<Point> dots, String dash) {}

    static @Nullable LabChart of(List<LabResult> results) {
        if (results.size() < 2) {
            return null;
        }
        LocalDate first = results.get(0).sampledOn();
        LocalDate last = results.get(results.size() - 1).sampledOn();
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        double max = results.stream()
                .map(LabResult::canonicalValue)
                .max(BigDecimal::compareTo)
                .orElseThrow()
                .doubleValue();
        BigDecimal high = results.get(results.size() - 1).referenceHigh();
        if (high != null) {
            max = Math.max(max, high.doubleValue());
        }
        double top = niceCeiling(max * 1.1);
        double plotBottom = HEIGHT - BOTTOM;
        double plotRight = WIDTH - RIGHT;
        java.util.function.DoubleUnaryOperator y = v -> plotBottom - v / top * (plotBottom - TOP);
        java.util.function.Function<LocalDate, Double> x =
                d -> LEFT + (double) ChronoUnit.DAYS.between(first, d) / days * (plotRight - LEFT);
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            yTicks.add(new Tick(round(y.applyAsDouble(v)), format(v)));
        }
        List<Tick> xTicks = List.of(new Tick(LEFT, first.toString()), new Tick(plotRight, last.toString()));
        Band band = null;
        LabResult latest = results.get(results.size() - 1);
        if (latest.referenceHigh() != null) {
            double lowY = y.applyAsDouble(
                    latest.referenceLow() == null ? 0 : latest.referenceLow().doubleValue());
            double highY = y.applyAsDouble(Math.min(top, latest.referenceHigh().doubleValue()));
            band = new Band(round(highY), round(lowY - highY));
        }
        List<Series> series = new ArrayList<>();
        for (AssayMethod method :
                new AssayMethod[] {null, AssayMethod.ONE_STAGE, AssayMethod.CHROMOGENIC, AssayMethod.OTHER}) {
            List<LabResult> of =
                    results.stream().filter(r -> r.method() == method).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Point> dots = of.stream()
                    .map(r -> new Point(
                            round(x.apply(r.sampledOn())),
                            round(y.applyAsDouble(r.canonicalValue().doubleValue())),
                            r.sampledOn() + ": " + r.canonicalValue().toPlainString() + " " + r.canonicalUnit(),
                            !r.flag().equals("NORMAL")))
                    .toList();
            String points =
                    String.join(" ", dots.stream().map(p -> p.x() + "," + p.y()).toList());
            series.add(new Series(
                    method == null ? "" : method.name(), points, dots, method == AssayMethod.CHROMOGENIC ? "6 4" : ""));
        }
        return new LabChart(WIDTH, HEIGHT, LEFT, (int) plotRight, yTicks, xTicks, band, series);
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
