package org.hemonet.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Severity;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The annual report as a PDF (issue 18), for the network or one centre: a cover, the contents, a generated summary
 * ("ABR median fell from 2.40 in 2024 to 1.90 in 2025"), the centres compared, the funnel plot's positions and
 * outliers, five-year trends, methods and definitions, and the disclosure note. Every figure comes from {@link
 * CentreComparison}, {@link CentreFunnel} and {@link CentreTrends} for the requesting actor, so the PDF shows exactly
 * what that person may see on the page. The funnel plot and the ABR trend are drawn as images ({@link AnnualCharts})
 * beside their tables, from the same figures.
 * Text comes from the message bundles in the requester's locale.
 */
@Service
public class AnnualReport {

    private static final Color BRAND = new Color(0xA3, 0x15, 0x2F);
    private static final Color SHADE = new Color(0xF3, 0xF5, 0xF8);

    private final CentreComparison comparison;
    private final CentreFunnel funnels;
    private final CentreTrends trends;
    private final CentreDirectory centres;
    private final MessageSource messages;

    private final NetworkTime networkTime;

    AnnualReport(
            CentreComparison comparison,
            CentreFunnel funnels,
            CentreTrends trends,
            CentreDirectory centres,
            MessageSource messages,
            NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.comparison = comparison;
        this.funnels = funnels;
        this.trends = trends;
        this.centres = centres;
        this.messages = messages;
    }

    /** Checks the request before a job is started: the actor may see comparisons, the year and centre exist. */
    public void check(Actor actor, int year, @Nullable UUID centreId) {
        CentreComparison.requireAllowed(actor);
        CentreComparison.requireYear(year);
        if (centreId != null && centres.centre(centreId).isEmpty()) {
            throw new NotFoundException("centre");
        }
    }

    /** The PDF; {@code progress} hears 0–100 as the sections are computed. */
    public byte[] render(Actor actor, int year, @Nullable UUID centreId, Locale locale, IntConsumer progress) {
        check(actor, year, centreId);
        String scope = centreId == null
                ? text(locale, "annual.scope.network")
                : centres.centre(centreId).orElseThrow().name();
        CentreComparison.Filter all = new CentreComparison.Filter(null, null, null);
        CentreComparison.Filter severeA =
                new CentreComparison.Filter(DiagnosisType.HEMOPHILIA_A, Severity.SEVERE, null);
        progress.accept(5);
        CentreComparison.Comparison compared = comparison.compare(actor, year, all);
        progress.accept(20);
        CentreFunnel.Funnel funnel = funnels.funnel(actor, year, CentreFunnel.Measure.ZERO_BLEED_PROPORTION, all);
        progress.accept(35);
        CentreTrends.Trends abr = trends.trends(actor, CentreTrends.Measure.ABR_MEDIAN, year - 4, year, all);
        progress.accept(60);
        CentreTrends.Trends zero =
                trends.trends(actor, CentreTrends.Measure.ZERO_BLEED_PROPORTION, year - 1, year, all);
        CentreTrends.Trends abrSevereA = trends.trends(actor, CentreTrends.Measure.ABR_MEDIAN, year - 1, year, severeA);
        progress.accept(80);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(text(locale, "annual.title", Integer.toString(year), scope));
            doc.addCreator("Hemonet");
            doc.open();
            cover(doc, locale, year, scope);
            doc.newPage();
            heading(doc, text(locale, "annual.contents"));
            int n = 1;
            for (String key :
                    List.of("annual.summary", "annual.compared", "annual.funnel", "annual.trends", "annual.methods")) {
                doc.add(new Paragraph(n++ + ". " + text(locale, key), body()));
            }

            heading(doc, "1. " + text(locale, "annual.summary"));
            List<String> summary = new ArrayList<>();
            summary.add(sentence(locale, text(locale, "annual.measure.abrAll"), abr.network(), year));
            summary.add(sentence(locale, text(locale, "annual.measure.zeroAll"), zero.network(), year));
            summary.add(sentence(locale, text(locale, "annual.measure.abrSevereA"), abrSevereA.network(), year));
            if (centreId != null) {
                abr.centres().stream()
                        .filter(l -> centreId.equals(l.centreId()))
                        .findFirst()
                        .ifPresent(l -> summary.add(
                                sentence(locale, text(locale, "annual.measure.abrCentre", scope), l, year)));
            }
            summary.add(
                    funnel.outliers().isEmpty()
                            ? text(locale, "annual.noOutliers")
                            : text(locale, "annual.outliers", String.join(", ", funnel.outliers())));
            for (String s : summary) {
                doc.add(new Paragraph("• " + s, body()));
            }

            heading(doc, "2. " + text(locale, "annual.compared"));
            doc.add(comparedTable(locale, compared, centreId));
            doc.add(new Paragraph(text(locale, "centres.more.joints"), boldSmall()));
            doc.add(furtherTable(locale, compared, centreId));

            heading(doc, "3. " + text(locale, "annual.funnel"));
            doc.add(new Paragraph(text(locale, "annual.funnel.explain", funnel.networkValue()), body()));
            if (funnel.networkHidden()) {
                doc.add(new Paragraph(text(locale, "centres.funnel.hidden", funnel.referenceValue()), body()));
            }
            chart(doc, AnnualCharts.funnel(funnel, text(locale, "centres.funnel.xAxis")));
            doc.add(funnelTable(locale, funnel, centreId));

            heading(doc, "4. " + text(locale, "annual.trends"));
            doc.add(new Paragraph(text(locale, "annual.trends.explain"), body()));
            chart(doc, AnnualCharts.trend(abr, centreId, text(locale, "value.network")));
            doc.add(trendTable(locale, abr, centreId));

            heading(doc, "5. " + text(locale, "annual.methods"));
            for (String key : List.of(
                    "annual.methods.abr", "annual.methods.iu", "annual.methods.funnel", "annual.methods.disclosure")) {
                doc.add(new Paragraph(text(locale, key), body()));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("the annual report could not be written", e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        progress.accept(100);
        return out.toByteArray();
    }

    private void cover(Document doc, Locale locale, int year, String scope) throws DocumentException {
        Paragraph title = new Paragraph(
                text(locale, "annual.title", Integer.toString(year), scope),
                FontFactory.getFont(FontFactory.HELVETICA_BOLD, 26, BRAND));
        title.setSpacingBefore(160);
        doc.add(title);
        doc.add(new Paragraph(
                text(locale, "annual.generated", networkTime.today().toString()), body()));
        doc.add(new Paragraph(text(locale, "annual.cover.note"), small()));
    }

    /** A chart image at the text width (nothing when there is nothing to draw). */
    private static void chart(Document doc, byte @Nullable [] png) throws DocumentException {
        if (png == null) {
            return;
        }
        try {
            com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(png);
            float width = doc.getPageSize().getWidth() - doc.leftMargin() - doc.rightMargin();
            image.scaleToFit(width, width * AnnualCharts.HEIGHT / AnnualCharts.WIDTH);
            image.setSpacingBefore(6);
            image.setSpacingAfter(6);
            doc.add(image);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a chart could not be added to the annual report", e);
        }
    }

    private static void heading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15, BRAND));
        p.setSpacingBefore(16);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private PdfPTable comparedTable(Locale locale, CentreComparison.Comparison c, @Nullable UUID only) {
        PdfPTable t = table(new float[] {3.2f, 1.2f, 1.2f, 1.2f, 1.6f, 1.3f, 1.4f});
        header(
                t,
                locale,
                "centres.compared.col.centre",
                "centres.compared.col.patients",
                "centres.compared.col.included",
                "centres.compared.col.abr",
                "centres.compared.col.iqr",
                "centres.compared.col.zero",
                "centres.compared.col.iu");
        for (CentreComparison.Row r : c.items()) {
            if (only == null || only.equals(r.centreId())) {
                comparedRow(t, r.centreName(), r, false);
            }
        }
        comparedRow(t, text(locale, "value.network"), c.network(), true);
        return t;
    }

    private static void comparedRow(PdfPTable t, String name, CentreComparison.Row r, boolean total) {
        String iqr = r.abrIqr().get(0).equals("–")
                ? "–"
                : r.abrIqr().get(0) + "–" + r.abrIqr().get(1);
        cells(
                t,
                total,
                name,
                r.patients(),
                r.included(),
                r.abrMedian(),
                iqr,
                r.zeroBleedProportion(),
                r.iuPerKgPerYearMedian());
    }

    /** The further measures (joints, pain, days lost, safety) of the same rows, as the page's second table shows them. */
    private PdfPTable furtherTable(Locale locale, CentreComparison.Comparison c, @Nullable UUID only) {
        PdfPTable t = table(new float[] {3.2f, 1.2f, 1.6f, 1.3f, 1.2f, 1.2f, 1.2f, 1.3f, 1.5f});
        header(
                t,
                locale,
                "centres.compared.col.centre",
                "centres.more.col.ajbr",
                "centres.more.col.ajbrIqr",
                "centres.more.col.immobilising",
                "centres.more.col.target",
                "centres.more.col.hjhs",
                "centres.more.col.pain",
                "centres.more.col.daysLost",
                "centres.more.col.adverse");
        for (CentreComparison.Row r : c.items()) {
            if (only == null || only.equals(r.centreId())) {
                furtherRow(t, r.centreName(), r.more(), false);
            }
        }
        furtherRow(t, text(locale, "value.network"), c.network().more(), true);
        t.setSpacingBefore(4);
        return t;
    }

    private static void furtherRow(PdfPTable t, String name, MoreMeasures m, boolean total) {
        cells(
                t,
                total,
                name,
                m.ajbrMedian(),
                m.ajbrIqrText(),
                m.jointImmobilisingProportion(),
                m.targetJointProportion(),
                m.hjhsMedian(),
                m.painMedian(),
                m.daysLostPerPatientYear(),
                m.adverseEventsPer100TreatmentYears());
    }

    private PdfPTable funnelTable(Locale locale, CentreFunnel.Funnel f, @Nullable UUID only) {
        PdfPTable t = table(new float[] {3.2f, 1f, 1.3f, 3f});
        header(
                t,
                locale,
                "centres.compared.col.centre",
                "centres.funnel.n",
                "centres.measure.zeroBleedProportion",
                "centres.funnel.position");
        for (CentreFunnel.Point p : f.points()) {
            if (only != null && !only.equals(p.centreId())) {
                continue;
            }
            String position = p.outside998() == null
                    ? text(locale, "centres.funnel.suppressed")
                    : p.outside998()
                            ? text(locale, "centres.funnel.outside998")
                            : Boolean.TRUE.equals(p.outside95())
                                    ? text(locale, "centres.funnel.outside95")
                                    : text(locale, "centres.funnel.inside");
            cells(t, false, p.centreName(), p.n(), p.value(), position);
        }
        return t;
    }

    private PdfPTable trendTable(Locale locale, CentreTrends.Trends tr, @Nullable UUID only) {
        int years = tr.network().values().size();
        float[] widths = new float[years + 1];
        widths[0] = 3.2f;
        for (int i = 1; i <= years; i++) {
            widths[i] = 1.3f;
        }
        PdfPTable t = table(widths);
        List<String> head = new ArrayList<>();
        head.add(text(locale, "centres.compared.col.centre"));
        tr.network().values().forEach(v -> head.add(Integer.toString(v.year())));
        cells(t, true, head.toArray(String[]::new));
        for (CentreTrends.Line l : tr.centres()) {
            if (only == null || only.equals(l.centreId())) {
                trendRow(t, l.centreName(), l, false);
            }
        }
        trendRow(t, text(locale, "value.network"), tr.network(), true);
        return t;
    }

    private static void trendRow(PdfPTable t, String name, CentreTrends.Line l, boolean total) {
        List<String> row = new ArrayList<>();
        row.add(name);
        l.values()
                .forEach(v -> row.add(
                        v.change().equals("–") || v.change().equals(DisclosureControl.SUPPRESSED)
                                ? v.value()
                                : v.value() + " (" + v.change() + ")"));
        cells(t, total, row.toArray(String[]::new));
    }

    /**
     * One generated sentence on a measure's last two years: risen, fallen, unchanged, or not comparable (a year with no
     * figure or a suppressed one).
     */
    String sentence(Locale locale, String measure, CentreTrends.Line line, int year) {
        List<CentreTrends.YearValue> v = line.values();
        CentreTrends.YearValue last = v.get(v.size() - 1);
        CentreTrends.YearValue before = v.size() > 1 ? v.get(v.size() - 2) : null;
        BigDecimal a = before == null ? null : CentreTrends.number(before.value());
        BigDecimal b = CentreTrends.number(last.value());
        if (b == null) {
            return text(locale, "annual.sentence.none", measure, Integer.toString(year));
        }
        if (a == null) {
            return text(locale, "annual.sentence.only", measure, last.value(), Integer.toString(year));
        }
        String key = b.compareTo(a) > 0
                ? "annual.sentence.rose"
                : b.compareTo(a) < 0 ? "annual.sentence.fell" : "annual.sentence.same";
        return text(
                locale, key, measure, before.value(), Integer.toString(year - 1), last.value(), Integer.toString(year));
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        t.setSpacingAfter(8);
        t.setHeaderRows(1);
        return t;
    }

    private void header(PdfPTable t, Locale locale, String... keys) {
        cells(t, true, Arrays.stream(keys).map(k -> text(locale, k)).toArray(String[]::new));
    }

    private static void cells(PdfPTable t, boolean bold, String... values) {
        for (int i = 0; i < values.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(values[i], bold ? boldSmall() : small()));
            cell.setPadding(4);
            cell.setBorderColor(new Color(0xD5, 0xDA, 0xE0));
            if (bold) {
                cell.setBackgroundColor(SHADE);
            }
            cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            t.addCell(cell);
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Font body() {
        return FontFactory.getFont(FontFactory.HELVETICA, 10.5f);
    }

    private static Font small() {
        return FontFactory.getFont(FontFactory.HELVETICA, 9);
    }

    private static Font boldSmall() {
        return FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    }
}
