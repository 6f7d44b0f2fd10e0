package org.hemonet.pathway.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hemonet.pathway.AnnualReview;
import org.hemonet.pathway.ClinicLetter;
import org.hemonet.pathway.Discipline;
import org.hemonet.pathway.ReviewFigures;
import org.hemonet.pathway.ReviewPart;
import org.hemonet.pathway.SharedDecision;
import org.hemonet.patient.PatientSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The clinic letter of an annual review as a PDF (issue 17), for the patient and their GP: the year's bleeding
 * figures (ABR by the ISTH definitions, clinical.md §4) with an ABR trend chart drawn with OpenPDF's graphics, the HJHS
 * 2.1 comparison, treatment, inhibitor tests and PK studies, each discipline's assessment, the updated care plan and
 * the shared decisions. Text from the message bundles; a review not yet signed is marked as a draft.
 */
@Component
public class ClinicLetterPdf {

    static final float CHART_WIDTH = 420;
    static final float CHART_HEIGHT = 150;

    private final MessageSource messages;

    ClinicLetterPdf(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(ClinicLetter letter) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        AnnualReview review = letter.review();
        ReviewFigures f = review.figures();
        PatientSummary patient = letter.patient();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11.5f);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font strong = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 8.5f, Color.DARK_GRAY);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.open();
            doc.addTitle(t(locale, "pathway.review.letter.title"));
            doc.add(new Paragraph(letter.centreName(), title));
            if (letter.centrePhone24h() != null) {
                doc.add(new Paragraph(t(locale, "pathway.review.letter.phone24h", letter.centrePhone24h()), small));
            }
            doc.add(spaced(new Paragraph(t(locale, "pathway.review.letter.title"), heading), 10));
            if (review.isOpen()) {
                doc.add(new Paragraph(t(locale, "pathway.review.letter.draft"), strong));
            }
            doc.add(new Paragraph(
                    t(
                            locale,
                            "pathway.review.letter.to",
                            patient.fullName(),
                            day.format(patient.dateOfBirth()),
                            review.gp() == null ? t(locale, "pathway.review.letter.gpUnnamed") : review.gp()),
                    body));
            doc.add(new Paragraph(diagnosis(locale, patient), body));
            doc.add(new Paragraph(
                    t(
                            locale,
                            "pathway.review.letter.period",
                            day.format(f.from()),
                            day.format(f.to()),
                            review.completedOn() == null ? "—" : day.format(review.completedOn())),
                    body));

            section(doc, heading, t(locale, "pathway.review.section.outcomes"));
            ReviewFigures.Outcomes o = f.outcomes();
            if (o.abr() == null) {
                doc.add(new Paragraph(t(locale, "pathway.review.letter.noDiary"), body));
            } else {
                doc.add(new Paragraph(
                        t(
                                locale,
                                "pathway.review.letter.abr",
                                plain(o.abr()),
                                plain(o.ajbr()),
                                plain(o.spontaneousAbr())),
                        strong));
                doc.add(new Paragraph(
                        t(
                                locale,
                                "pathway.review.letter.bleeds",
                                n(o.bleeds()),
                                n(o.treatedBleeds()),
                                n(o.observationDays())),
                        body));
            }
            doc.add(new Paragraph(
                    t(locale, "pathway.review.letter.immobilising", n(o.jointImmobilisingBleeds())), body));
            doc.add(new Paragraph(targetJoints(locale, o, day), body));
            doc.add(new Paragraph(
                    t(locale, "pathway.review.letter.daysLost", n(o.daysLostSchool()), n(o.daysLostWork())), body));
            if (!f.abrTrend().isEmpty()) {
                doc.add(spaced(new Paragraph(t(locale, "pathway.review.letter.trend"), strong), 6));
                doc.add(trendChart(writer, f.abrTrend()));
                doc.add(new Paragraph(
                        String.join(
                                "; ",
                                f.abrTrend().stream()
                                        .map(y -> t(
                                                locale,
                                                "pathway.review.letter.trendYear",
                                                String.valueOf(y.to().getYear()),
                                                plain(y.abr()),
                                                y.observationDays()))
                                        .toList()),
                        small));
            }

            section(doc, heading, t(locale, "pathway.review.section.hjhs"));
            hjhs(doc, locale, day, f.hjhs(), body, strong, small);

            section(doc, heading, t(locale, "pathway.review.section.treatment"));
            ReviewFigures.Supply s = f.supply();
            doc.add(new Paragraph(
                    s.regimen() == null
                            ? t(locale, "pathway.review.letter.noPlan")
                            : t(
                                    locale,
                                    "pathway.review.letter.plan",
                                    t(locale, "regimen." + s.regimen()),
                                    s.product() == null ? "" : s.product(),
                                    s.dose() == null ? "" : plain(s.dose()),
                                    s.doseUnit() == null ? "" : s.doseUnit()),
                    body));
            ReviewFigures.Adherence a = f.adherence();
            doc.add(new Paragraph(
                    a.expectedDoses() == 0
                            ? t(locale, "pathway.review.letter.noSchedule")
                            : t(
                                    locale,
                                    "pathway.review.letter.adherence",
                                    percent(a.prophylaxisAdherencePercent()),
                                    percent(a.diaryCompletenessPercent()),
                                    a.loggedProphylacticInfusions(),
                                    a.expectedDoses()),
                    body));
            doc.add(new Paragraph(
                    t(
                            locale,
                            "pathway.review.letter.factorUse",
                            plain(f.factorUse().iuPerKgPerYear()),
                            n(f.factorUse().exposureDays())),
                    body));
            doc.add(new Paragraph(
                    t(
                            locale,
                            "pathway.review.letter.supply",
                            s.deliveries(),
                            s.deliveredVials(),
                            s.failedDeliveries(),
                            s.daysOfStockLeft() == null ? "—" : s.daysOfStockLeft()),
                    body));
            doc.add(new Paragraph(
                    t(
                                    locale,
                                    "pathway.review.letter.inhibitor",
                                    t(locale, "inhibitor." + f.inhibitors().status()))
                            + " "
                            + (f.inhibitors().tests().isEmpty()
                                    ? t(locale, "pathway.review.letter.noInhibitorTests")
                                    : String.join(
                                            "; ",
                                            f.inhibitors().tests().stream()
                                                    .map(it -> t(
                                                            locale,
                                                            "pathway.review.letter.inhibitorTest",
                                                            day.format(it.sampledOn()),
                                                            plain(it.titreBu()),
                                                            t(
                                                                    locale,
                                                                    it.positive()
                                                                            ? "pathway.review.letter.positive"
                                                                            : "pathway.review.letter.negative")))
                                                    .toList())),
                    body));
            doc.add(new Paragraph(
                    f.pkStudies().isEmpty()
                            ? t(locale, "pathway.review.letter.noPk")
                            : String.join(
                                    "; ",
                                    f.pkStudies().stream()
                                            .map(pk -> t(
                                                    locale,
                                                    "pathway.review.letter.pk",
                                                    pk.model(),
                                                    String.format(Locale.ROOT, "%.1f", pk.halfLifeHours()),
                                                    pk.samplesUsed()))
                                            .toList()),
                    body));

            if (f.surveys() != null && !f.surveys().isEmpty()) {
                doc.add(new Paragraph(
                        t(locale, "pathway.review.surveys") + ": "
                                + String.join(
                                        "; ",
                                        f.surveys().stream()
                                                .map(sv -> sv.title() + " (" + day.format(sv.submittedOn()) + ")"
                                                        + sv.scores().entrySet().stream()
                                                                .map(e -> ", " + e.getKey() + " "
                                                                        + e.getValue()
                                                                                .stripTrailingZeros()
                                                                                .toPlainString())
                                                                .collect(java.util.stream.Collectors.joining()))
                                                .toList()),
                        body));
            }

            section(doc, heading, t(locale, "pathway.review.section.team"));
            boolean anyPart = false;
            for (Discipline d : Discipline.values()) {
                ReviewPart part = review.part(d);
                if (part != null) {
                    anyPart = true;
                    doc.add(spaced(
                            new Paragraph(
                                    t(locale, "pathway.review.discipline." + d.jsonName()) + " · "
                                            + part.enteredByName(),
                                    strong),
                            4));
                    doc.add(new Paragraph(part.assessment(), body));
                }
            }
            if (!anyPart) {
                doc.add(new Paragraph(t(locale, "pathway.review.letter.noParts"), body));
            }

            section(doc, heading, t(locale, "pathway.review.section.carePlan"));
            boolean anyPlan = false;
            for (Discipline d : Discipline.values()) {
                ReviewPart part = review.part(d);
                if (part != null && part.carePlan() != null) {
                    anyPlan = true;
                    Paragraph p = new Paragraph();
                    p.add(new Chunk(t(locale, "pathway.review.discipline." + d.jsonName()) + ": ", strong));
                    p.add(new Chunk(part.carePlan(), body));
                    doc.add(p);
                }
            }
            if (!anyPlan) {
                doc.add(new Paragraph(t(locale, "pathway.review.letter.noCarePlan"), body));
            }

            if (!letter.decisions().isEmpty()) {
                section(doc, heading, t(locale, "pathway.decision.heading"));
                for (SharedDecision d : letter.decisions()) {
                    doc.add(spaced(new Paragraph(day.format(d.decidedOn()) + " · " + d.planChange(), strong), 4));
                    doc.add(new Paragraph(t(locale, "pathway.decision.options") + ": " + d.optionsDiscussed(), body));
                    doc.add(new Paragraph(t(locale, "pathway.decision.whatMatters") + ": " + d.whatMatters(), body));
                    doc.add(new Paragraph(t(locale, "pathway.decision.choice") + ": " + d.choice(), body));
                    doc.add(new Paragraph(t(locale, "pathway.decision.agreedBy") + ": " + d.agreedBy(), body));
                }
            }

            doc.add(spaced(
                    new Paragraph(
                            review.isOpen() || review.completedOn() == null
                                    ? t(locale, "pathway.review.letter.unsigned")
                                    : t(
                                            locale,
                                            "pathway.review.letter.signed",
                                            review.completedByName(),
                                            day.format(review.completedOn())),
                            strong),
                    14));
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The clinic letter could not be drawn", e);
        }
        return out.toByteArray();
    }

    private void hjhs(
            Document doc,
            Locale locale,
            DateTimeFormatter day,
            ReviewFigures.@Nullable Hjhs h,
            Font body,
            Font strong,
            Font small)
            throws DocumentException {
        if (h == null) {
            doc.add(new Paragraph(t(locale, "pathway.review.letter.noHjhs"), body));
            return;
        }
        doc.add(new Paragraph(
                t(
                        locale,
                        "pathway.review.letter.hjhsLatest",
                        n(h.latestTotal()),
                        h.latestMaxPossible(),
                        day.format(h.latestOn())),
                strong));
        if (h.previousOn() == null) {
            doc.add(new Paragraph(t(locale, "pathway.review.letter.hjhsFirst"), body));
            return;
        }
        doc.add(new Paragraph(
                t(
                        locale,
                        "pathway.review.letter.hjhsPrevious",
                        n(h.previousTotal()),
                        day.format(h.previousOn()),
                        h.difference() == null
                                ? t(locale, "pathway.review.letter.hjhsNotComparable", signed(h.evaluableDifference()))
                                : signed(h.difference())),
                body));
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(4);
        table.addCell(cell(t(locale, "pathway.review.letter.joint"), strong));
        table.addCell(cell(day.format(h.previousOn()), strong));
        table.addCell(cell(day.format(h.latestOn()), strong));
        for (ReviewFigures.JointLine j : h.joints()) {
            table.addCell(cell(t(locale, "site." + j.joint()), body));
            table.addCell(cell(j.previous() == null ? "NE" : String.valueOf(j.previous()), body));
            table.addCell(cell(j.latest() == null ? "NE" : String.valueOf(j.latest()), body));
        }
        doc.add(table);
        doc.add(new Paragraph(t(locale, "pathway.review.letter.hjhsScale"), small));
    }

    /** Bars of the ABR of each year with its value above and its end year below, drawn on a template. */
    static Image trendChart(PdfWriter writer, List<ReviewFigures.YearAbr> years) throws DocumentException, IOException {
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate chart = cb.createTemplate(CHART_WIDTH, CHART_HEIGHT);
        BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        float left = 30;
        float bottom = 20;
        float top = CHART_HEIGHT - 18;
        double max =
                years.stream().mapToDouble(y -> y.abr().doubleValue()).max().orElse(0);
        double scaleMax = Math.max(1, Math.ceil(max));
        chart.setColorStroke(Color.GRAY);
        chart.setLineWidth(0.6f);
        chart.moveTo(left, bottom);
        chart.lineTo(CHART_WIDTH - 5, bottom);
        chart.moveTo(left, bottom);
        chart.lineTo(left, top);
        chart.stroke();
        chart.beginText();
        chart.setFontAndSize(font, 7);
        chart.setColorFill(Color.DARK_GRAY);
        chart.showTextAligned(PdfContentByte.ALIGN_RIGHT, "0", left - 3, bottom - 2, 0);
        chart.showTextAligned(PdfContentByte.ALIGN_RIGHT, String.valueOf((long) scaleMax), left - 3, top - 2, 0);
        chart.endText();
        float slot = (CHART_WIDTH - left - 10) / Math.max(years.size(), 1);
        float barWidth = Math.min(40, slot * 0.6f);
        for (int i = 0; i < years.size(); i++) {
            ReviewFigures.YearAbr y = years.get(i);
            float x = left + 5 + slot * i + (slot - barWidth) / 2;
            float height = (float) (y.abr().doubleValue() / scaleMax * (top - bottom));
            chart.setColorFill(i == years.size() - 1 ? new Color(0xB0, 0x1E, 0x2D) : new Color(0x8A, 0x9B, 0xB0));
            chart.rectangle(x, bottom, barWidth, Math.max(height, 0.5f));
            chart.fill();
            chart.beginText();
            chart.setFontAndSize(font, 7.5f);
            chart.setColorFill(Color.BLACK);
            chart.showTextAligned(
                    PdfContentByte.ALIGN_CENTER, y.abr().toPlainString(), x + barWidth / 2, bottom + height + 3, 0);
            chart.showTextAligned(
                    PdfContentByte.ALIGN_CENTER, String.valueOf(y.to().getYear()), x + barWidth / 2, bottom - 10, 0);
            chart.endText();
        }
        Image image = Image.getInstance(chart);
        image.setAlignment(Element.ALIGN_LEFT);
        return image;
    }

    private String diagnosis(Locale locale, PatientSummary p) {
        String d = t(locale, "diagnosis." + p.diagnosis().name());
        if (p.diagnosisSubtype() != null) {
            d += " " + t(locale, "diagnosis.type", p.diagnosisSubtype());
        }
        if (p.severity() != null) {
            d += " · " + t(locale, "severity." + p.severity().name());
        }
        return t(locale, "pathway.review.letter.diagnosis", d);
    }

    private String targetJoints(Locale locale, ReviewFigures.Outcomes o, DateTimeFormatter day) {
        if (o.targetJoints().isEmpty()) {
            return t(locale, "pathway.review.letter.noTargetJoints");
        }
        return t(
                locale,
                "pathway.review.letter.targetJoints",
                String.join(
                        ", ",
                        o.targetJoints().stream()
                                .map(tj -> t(locale, "site." + tj.site())
                                        + (tj.resolvedOn() == null
                                                ? ""
                                                : " ("
                                                        + t(
                                                                locale,
                                                                "pathway.review.letter.resolved",
                                                                day.format(tj.resolvedOn()))
                                                        + ")"))
                                .toList()));
    }

    private static void section(Document doc, Font heading, String text) throws DocumentException {
        doc.add(spaced(new Paragraph(text, heading), 12));
    }

    private static Paragraph spaced(Paragraph p, float before) {
        p.setSpacingBefore(before);
        return p;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }

    static String plain(@Nullable BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private static String percent(@Nullable BigDecimal value) {
        return value == null ? "—" : value.toPlainString() + " %";
    }

    private static String n(@Nullable Integer value) {
        return value == null ? "—" : String.valueOf(value);
    }

    private static String signed(@Nullable Integer value) {
        if (value == null) {
            return "—";
        }
        return value > 0 ? "+" + value : String.valueOf(value);
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
