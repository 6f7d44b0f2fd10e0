package org.hemonet.outcome;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The server-rendered SVG history charts of the joint-score page (no script): the total over time with pre- and
 * post-surgery scores marked and each pre/post pair joined, and one line per joint (0–20). Scores with NE items are
 * drawn hollow: their totals cover fewer items. Coordinates are in the SVG's own units.
 */
public record JointScoreChart(
        int width,
        int height,
        int left,
        int right,
        int top,
        int bottom,
        List<Tick> yTicks,
        List<Tick> xTicks,
        String totalLine,
        List<Point> points,
        List<Pair> pairs,
        List<Series> joints,
        List<Tick> jointYTicks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 40;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 28;

    /** An axis label at a position (x for the time axis, y for the value axis), anchored start, middle or end. */
    public record Tick(double at, String label, String anchor) {

        Tick(double at, String label) {
            this(at, label, "middle");
        }
    }

    /** Space between the plot's edges and the first and last assessment, so markers do not sit on the axis. */
    static final int INSET = 16;

    /** A score on the total chart; {@code kind} is the context (ROUTINE, PRE_SURGERY, POST_SURGERY). */
    public record Point(double x, double y, String kind, boolean complete, String label) {}

    /** A pre/post-surgery pair, joined by a dashed line. */
    public record Pair(double x1, double y1, double x2, double y2) {}

    /** One joint's totals over time (points of an SVG polyline; NE scores leave a gap by starting a new segment). */
    public record Series(HjhsJoint joint, List<String> segments, List<double[]> dots) {}

    public static @Nullable JointScoreChart of(List<JointScoreView> scores) {
        List<JointScoreView> drawn =
                scores.stream().filter(s -> s.current() && s.total() != null).toList();
        if (drawn.isEmpty()) {
            return null;
        }
        LocalDate first = drawn.get(0).assessedOn();
        LocalDate last = drawn.get(drawn.size() - 1).assessedOn();
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        int maxTotal = drawn.stream().mapToInt(JointScoreView::total).max().orElse(0);
        int yMax = Math.min(HjhsItem.TOTAL_MAX, Math.max(20, ((maxTotal + 9) / 10) * 10));
        Scale scale = new Scale(first, span, drawn.size() == 1);

        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (JointScoreView s : drawn) {
            double x = scale.x(s.assessedOn());
            double y = y(s.total(), yMax);
            points.add(new Point(x, y, s.context().name(), s.complete(), s.assessedOn() + ": " + s.total()));
            line.append(fmt(x)).append(',').append(fmt(y)).append(' ');
        }
        List<Pair> pairs = new ArrayList<>();
        for (JointScoreView s : drawn) {
            JointScoreComparison c = s.comparedWithPreSurgery();
            if (c == null || c.before().total() == null) {
                continue;
            }
            pairs.add(new Pair(
                    scale.x(c.before().assessedOn()),
                    y(c.before().total(), yMax),
                    scale.x(s.assessedOn()),
                    y(s.total(), yMax)));
        }
        List<Series> joints = new ArrayList<>();
        for (HjhsJoint joint : HjhsJoint.values()) {
            List<String> segments = new ArrayList<>();
            List<double[]> dots = new ArrayList<>();
            StringBuilder segment = new StringBuilder();
            for (JointScoreView s : drawn) {
                Integer t = s.totalOf(joint);
                if (t == null) {
                    if (!segment.isEmpty()) {
                        segments.add(segment.toString().strip());
                        segment.setLength(0);
                    }
                    continue;
                }
                double x = scale.x(s.assessedOn());
                double y = y(t, HjhsItem.JOINT_MAX);
                segment.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                dots.add(new double[] {x, y});
            }
            if (!segment.isEmpty()) {
                segments.add(segment.toString().strip());
            }
            joints.add(new Series(joint, segments, dots));
        }
        return new JointScoreChart(
                WIDTH,
                HEIGHT,
                LEFT,
                RIGHT,
                TOP,
                BOTTOM,
                ticks(yMax),
                xTicks(scale, first, last, drawn.size() == 1),
                line.toString().strip(),
                points,
                pairs,
                joints,
                ticks(HjhsItem.JOINT_MAX));
    }

    /** Right edge of the plot area. */
    public int plotRight() {
        return width - right;
    }

    /** Bottom edge of the plot area. */
    public int plotBottom() {
        return height - bottom;
    }

    private record Scale(LocalDate first, long span, boolean single) {
        double x(LocalDate d) {
            double plot = WIDTH - LEFT - RIGHT - 2 * INSET;
            if (single) {
                return LEFT + INSET + plot / 2;
            }
            return LEFT + INSET + plot * ChronoUnit.DAYS.between(first, d) / span;
        }
    }

    private static double y(int value, int max) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (1 - (double) value / max);
    }

    private static List<Tick> ticks(int max) {
        List<Tick> ticks = new ArrayList<>();
        int step = max <= 20 ? 5 : max <= 60 ? 10 : 20;
        for (int v = 0; v <= max; v += step) {
            ticks.add(new Tick(y(v, max), Integer.toString(v)));
        }
        return ticks;
    }

    private static List<Tick> xTicks(Scale scale, LocalDate first, LocalDate last, boolean single) {
        java.time.format.DateTimeFormatter f =
                java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.UK);
        if (single || first.equals(last)) {
            return List.of(new Tick(scale.x(first), first.format(f)));
        }
        return List.of(
                new Tick(scale.x(first) - INSET, first.format(f), "start"),
                new Tick(scale.x(last) + INSET, last.format(f), "end"));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
