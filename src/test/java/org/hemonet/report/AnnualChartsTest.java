package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The annual report's server-side charts (issue 18) on hand-built figures: a funnel around a network proportion of 0.5
 * with one shown centre and one suppressed, and a trend whose network line runs 2.00 → 1.00. The images are also saved
 * under {@code target/screenshots} for people to look at.
 */
class AnnualChartsTest {

    private static final UUID NORTH = UUID.randomUUID();

    @Test
    void theFunnelIsDrawnWithTheNetworkLineAtItsValueAndNoDotForASuppressedCentre() throws Exception {
        List<FunnelLimits.Limits> limits = new ArrayList<>();
        for (int n = 5; n <= 20; n += 5) {
            limits.add(FunnelLimits.at(n, 0.5));
        }
        CentreFunnel.Funnel f = new CentreFunnel.Funnel(
                2025,
                "zeroBleedProportion",
                false,
                "0.500",
                "0.500",
                List.of(
                        new CentreFunnel.Point(NORTH, "North", "15", "0.900", true, true),
                        new CentreFunnel.Point(UUID.randomUUID(), "South", "*", "*", null, null)),
                limits,
                List.of("North"));
        byte[] png = AnnualCharts.funnel(f, "Patients at the centre");
        BufferedImage image = read(png, "annual-chart-funnel");
        assertThat(image.getWidth()).isEqualTo(AnnualCharts.WIDTH);
        // network 0.5: y = top 20 + plot height 360 × (1 − 0.5) = 200, drawn in the text colour
        assertThat(dark(image.getRGB(80, 200))).as("the network line").isTrue();
        assertThat(dark(image.getRGB(80, 120))).as("above the network line").isFalse();
        // North (n = 15, 0.9, an outlier): x = 70 + 806 × 15 / 20 = 674.5, y = 20 + 360 × 0.1 = 56, in the brand red
        int rgb = image.getRGB(668, 56);
        assertThat((rgb >> 16) & 0xFF).as("red of the outlier's dot").isGreaterThan(0x90);
        assertThat(rgb & 0xFF).as("blue of the outlier's dot").isLessThan(0x60);
    }

    @Test
    void noFunnelWithoutPatientsAndNoTrendWithoutAShownFigure() {
        CentreFunnel.Funnel empty =
                new CentreFunnel.Funnel(2025, "zeroBleedProportion", false, "–", "–", List.of(), List.of(), List.of());
        assertThat(AnnualCharts.funnel(empty, "Patients")).isNull();
        CentreTrends.Line hidden = new CentreTrends.Line(
                null,
                "",
                List.of(new CentreTrends.YearValue(2024, "*", "–"), new CentreTrends.YearValue(2025, "*", "*")));
        CentreTrends.Trends t = new CentreTrends.Trends(
                "abrMedian", 2024, 2025, new CentreComparison.Filter(null, null, null), hidden, List.of());
        assertThat(AnnualCharts.trend(t, null, "Network")).isNull();
    }

    @Test
    void theTrendDrawsTheNetworkLineThroughItsYears() throws Exception {
        CentreTrends.Line network = new CentreTrends.Line(
                null,
                "",
                List.of(
                        new CentreTrends.YearValue(2023, "2.00", "–"),
                        new CentreTrends.YearValue(2024, "1.50", "-0.50"),
                        new CentreTrends.YearValue(2025, "1.00", "-0.50")));
        CentreTrends.Line north = new CentreTrends.Line(
                NORTH,
                "North",
                List.of(
                        new CentreTrends.YearValue(2023, "*", "–"),
                        new CentreTrends.YearValue(2024, "0.50", "*"),
                        new CentreTrends.YearValue(2025, "0.75", "+0.25")));
        CentreTrends.Trends t = new CentreTrends.Trends(
                "abrMedian", 2023, 2025, new CentreComparison.Filter(null, null, null), network, List.of(north));
        BufferedImage image = read(AnnualCharts.trend(t, NORTH, "Network"), "annual-chart-trend");
        // y from 0 to 2.0 (ticks of 0.5): 2.00 at the top, y = 20, at the first year's x = 70 + 30 = 100
        int rgb = image.getRGB(100, 21);
        assertThat((rgb >> 16) & 0xFF).as("red of the network's first point").isGreaterThan(0x90);
        assertThat(rgb & 0xFF).isLessThan(0x60);
    }

    @Test
    void trendTicksAreRoundNumbers() {
        assertThat(AnnualCharts.niceStep(0.55)).isEqualTo(1.0);
        assertThat(AnnualCharts.niceStep(0.5)).isEqualTo(0.5);
        assertThat(AnnualCharts.niceStep(0.22)).isEqualTo(0.25);
        assertThat(AnnualCharts.niceStep(1200)).isEqualTo(2000);
    }

    private static BufferedImage read(byte[] png, String name) throws Exception {
        assertThat(png).isNotNull();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xFF) < 0x80 && ((rgb >> 8) & 0xFF) < 0x80 && (rgb & 0xFF) < 0x80;
    }
}
