package org.hemonet.pathway.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hemonet.pathway.Discipline;
import org.hemonet.pathway.Handover;
import org.hemonet.pathway.HandoverView;
import org.hemonet.pathway.ReviewPart;
import org.hemonet.patient.PatientSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The hand-over summary letter (issue 17): from the paediatric to the adult team, who the patient is, the readiness
 * checklist at the hand-over (clinical.md §10), the paediatric team's summary and the care plan of the last annual
 * review.
 */
@Component
class HandoverLetterPdf {

    private final MessageSource messages;

    HandoverLetterPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(HandoverView v) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        Handover h = v.handover();
        PatientSummary p = v.patient();
        ZoneId zone = p.timeZone();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11.5f);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 8.5f, Color.DARK_GRAY);
        try {
            com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
            doc.open();
            doc.addTitle(t(locale, "pathway.handover.letter.title"));
            doc.add(new Paragraph(t(locale, "pathway.handover.letter.title"), title));
            doc.add(new Paragraph(
                    t(
                            locale,
                            "pathway.handover.letter.route",
                            v.fromCentreName(),
                            v.toCentreName(),
                            day.format(h.handedOverAt().atZone(zone))),
                    body));
            doc.add(new Paragraph(
                    t(
                            locale,
                            "pathway.handover.letter.patient",
                            p.fullName(),
                            day.format(p.dateOfBirth()),
                            h.ageYears()),
                    body));
            String diagnosis = t(locale, "diagnosis." + p.diagnosis().name())
                    + (p.severity() == null
                            ? ""
                            : " · " + t(locale, "severity." + p.severity().name()))
                    + " · " + t(locale, "patient.inhibitor") + ": "
                    + t(locale, "inhibitor." + p.inhibitorStatus().name());
            doc.add(new Paragraph(diagnosis, body));
            Paragraph checklist = new Paragraph(t(locale, "pathway.handover.checklist", h.checklistDone()), heading);
            checklist.setSpacingBefore(10);
            doc.add(checklist);
            doc.add(new Paragraph(
                    line(locale, h.knowsDiagnosisAndProduct(), "readiness.knowsDiagnosisAndProduct"), body));
            doc.add(new Paragraph(line(locale, h.selfInfuses(), "readiness.selfInfuses"), body));
            doc.add(new Paragraph(line(locale, h.ordersSupplies(), "readiness.ordersSupplies"), body));
            doc.add(new Paragraph(line(locale, h.knowsEmergencyPlan(), "readiness.knowsEmergencyPlan"), body));
            Paragraph summary = new Paragraph(t(locale, "pathway.handover.summary"), heading);
            summary.setSpacingBefore(10);
            doc.add(summary);
            doc.add(new Paragraph(h.summary(), body));
            if (v.lastReview() != null) {
                Paragraph plan = new Paragraph(
                        t(
                                locale,
                                "pathway.handover.lastReview",
                                v.lastReview().completedOn() == null
                                        ? "—"
                                        : day.format(v.lastReview().completedOn())),
                        heading);
                plan.setSpacingBefore(10);
                doc.add(plan);
                for (Discipline d : Discipline.values()) {
                    ReviewPart part = v.lastReview().part(d);
                    if (part != null && part.carePlan() != null) {
                        doc.add(new Paragraph(
                                t(locale, "pathway.review.discipline." + d.jsonName()) + ": " + part.carePlan(), body));
                    }
                }
            }
            Paragraph signed = new Paragraph(
                    t(
                            locale,
                            "pathway.handover.letter.signed",
                            h.handedOverByName(),
                            v.toCentrePhone24h() == null ? "—" : v.toCentrePhone24h()),
                    small);
            signed.setSpacingBefore(14);
            doc.add(signed);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The hand-over letter could not be drawn", e);
        }
        return out.toByteArray();
    }

    private String line(Locale locale, boolean done, String key) {
        return (done ? t(locale, "pathway.handover.done") : t(locale, "pathway.handover.notDone")) + " "
                + t(locale, key);
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
