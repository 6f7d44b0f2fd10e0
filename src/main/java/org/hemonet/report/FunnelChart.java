package org.hemonet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The geometry of a funnel plot drawn as SVG on the server (issue 18): the four control-limit curves as step lines over
 * the grid of centre sizes, the network proportion as a horizontal line, and one numbered dot per shown centre (the
 * number keys the table beside the chart, which is the chart's text equivalent). Suppressed centres have no dot.
 */
public record FunnelChart(
        int width,
        int height,
        String upper95,
        String lower95,
        String upper998,
        String lower998,
        double networkY,
        List<Tick> xTicks,
        List<Tick> yTicks,
        List<Dot> dots) {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 58;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 46;

    public record Tick(double at, String label) {}

    /**
     * @param label the centre's number in the table
     * @param outside "998" outside the 99.8 % limits, "95" outside the 95 % limits only, "" inside
     */
    public record Dot(double x, double y, String label, String name, String value, String n, String outside) {}

    static @Nullable FunnelChart of(CentreFunnel.Funnel funnel) {
        if (funnel.limits().isEmpty()) {
            return null;
        }
        int maxN = funnel.limits().get(funnel.limits().size() - 1).n();
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        DoubleUnaryOperator x = n -> LEFT + plotW * n / maxN;
        double top = yMax(funnel);
        DoubleUnaryOperator y = v -> TOP + plotH * (1 - Math.min(v, top) / top);
        List<Tick> xTicks = new ArrayList<>();
        int step = Math.max(5, niceStep(maxN));
        for (int n = 0; n <= maxN; n += step) {
            xTicks.add(new Tick(x.applyAsDouble(n), Integer.toString(n)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4.0;
            yTicks.add(new Tick(y.applyAsDouble(v), String.format(Locale.ROOT, top >= 20 ? "%.0f" : "%.2f", v)));
        }
        List<Dot> dots = new ArrayList<>();
        int number = 0;
        for (CentreFunnel.Point p : funnel.points()) {
            number++;
            if (p.suppressed()) {
                continue;
            }
            double n = Double.parseDouble(p.n());
            double v = Double.parseDouble(p.value());
            String outside =
                    Boolean.TRUE.equals(p.outside998()) ? "998" : Boolean.TRUE.equals(p.outside95()) ? "95" : "";
            dots.add(new Dot(
                    x.applyAsDouble(Math.min(n, maxN)),
                    y.applyAsDouble(v),
                    Integer.toString(number),
                    p.centreName(),
                    p.value(),
                    p.n(),
                    outside));
        }
        double network = Double.parseDouble(funnel.referenceValue());
        return new FunnelChart(
                WIDTH,
                HEIGHT,
                steps(funnel.limits(), FunnelLimits.Limits::upper95, x, y),
                steps(funnel.limits(), FunnelLimits.Limits::lower95, x, y),
                steps(funnel.limits(), FunnelLimits.Limits::upper998, x, y),
                steps(funnel.limits(), FunnelLimits.Limits::lower998, x, y),
                y.applyAsDouble(network),
                xTicks,
                yTicks,
                dots);
    }

    /**
     * The top of the y axis: 1 for a proportion; for a rate, a round number above the network value, the shown
     * centres' values and the 95 % limits (the 99.8 % limits of tiny centres may run off the top).
     */
    static double yMax(CentreFunnel.Funnel funnel) {
        if (!funnel.rate()) {
            return 1;
        }
        double max = Double.parseDouble(funnel.referenceValue()) * 2;
        for (FunnelLimits.Limits l : funnel.limits()) {
            max = Math.max(max, l.upper95());
        }
        for (CentreFunnel.Point p : funnel.points()) {
            if (!p.suppressed()) {
                max = Math.max(max, Double.parseDouble(p.value()));
            }
        }
        double step = AnnualCharts.niceStep(Math.max(max, 0.01) / 4);
        return step * 4 >= max ? step * 4 : step * Math.ceil(max / step);
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    private static int niceStep(int maxN) {
        int raw = maxN / 6;
        for (int s : new int[] {5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
            if (s >= raw) {
                return s;
            }
        }
        return 1000;
    }

    /** The polyline points of one limit: a step at each grid size, since the binomial quantile moves in jumps. */
    private static String steps(
            List<FunnelLimits.Limits> limits,
            ToDoubleFunction<FunnelLimits.Limits> limit,
            DoubleUnaryOperator x,
            DoubleUnaryOperator y) {
        StringBuilder points = new StringBuilder();
        for (FunnelLimits.Limits l : limits) {
            points.append(String.format(
                    Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(l.n()), y.applyAsDouble(limit.applyAsDouble(l))));
        }
        return points.toString().trim();
    }
}
