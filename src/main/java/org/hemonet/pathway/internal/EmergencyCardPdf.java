package org.hemonet.pathway.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.hemonet.pathway.EmergencySummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The wallet card as a PDF (issue 17): credit-card size (ISO/IEC 7810 ID-1, 85.60 × 53.98 mm), the front with who and
 * what to give for a major bleed, the back with warnings and whom to call. Text from the message bundles.
 */
@Component
public class EmergencyCardPdf {

    /** ID-1 card: 85.60 × 53.98 mm in points (1 mm = 72 / 25.4 pt). */
    static final Rectangle CARD = new Rectangle(242.65f, 153.01f);

    private final MessageSource messages;

    EmergencyCardPdf(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(EmergencySummary s) {
        Locale locale = LocaleContextHolder.getLocale();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(CARD, 9, 9, 8, 8);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.addTitle(text(locale, "emergency.card.title"));
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 6.5f);
            Font strong = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 6.5f);
            doc.add(new Paragraph(text(locale, "emergency.card.title").toUpperCase(locale), heading));
            doc.add(new Paragraph(
                    s.fullName() + " · " + text(locale, "emergency.born") + " " + s.dateOfBirth(), strong));
            doc.add(new Paragraph(diagnosis(locale, s), strong));
            doc.add(new Paragraph(
                    text(locale, "patient.inhibitor") + ": "
                            + text(locale, "inhibitor." + s.inhibitorStatus().name()),
                    body));
            if (s.productName() != null) {
                doc.add(new Paragraph(text(locale, "emergency.product") + ": " + s.productName(), body));
            }
            if (s.bleedProductName() != null) {
                doc.add(new Paragraph(text(locale, "emergency.bleedProduct") + ": " + s.bleedProductName(), body));
            }
            EmergencySummary.MajorBleedDose dose = s.majorBleed();
            doc.add(new Paragraph(
                    dose == null
                            ? text(locale, "emergency.majorBleed.none")
                            : text(
                                    locale,
                                    "emergency.majorBleed",
                                    dose.doseIu(),
                                    dose.vialText(),
                                    dose.lowIuPerDl(),
                                    dose.highIuPerDl(),
                                    dose.weightText()),
                    strong));
            doc.newPage();
            doc.add(new Paragraph(text(locale, "emergency.back"), heading));
            if (s.antithrombinLowered()) {
                doc.add(new Paragraph(text(locale, "emergency.antithrombinLowered.card"), strong));
            }
            if (s.onEmicizumab()) {
                doc.add(new Paragraph(text(locale, "emergency.emicizumab.apcc"), strong));
                doc.add(new Paragraph(text(locale, "emergency.emicizumab.lab"), body));
            }
            doc.add(new Paragraph(
                    text(
                            locale,
                            "emergency.centre",
                            s.centreName(),
                            s.centrePhone24h() == null ? "" : s.centrePhone24h()),
                    strong));
            doc.add(new Paragraph(text(locale, "emergency.call", s.emergencyNumber()), body));
            doc.add(new Paragraph(text(locale, "emergency.card.qr"), body));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The emergency card could not be drawn", e);
        }
        return out.toByteArray();
    }

    private String diagnosis(Locale locale, EmergencySummary s) {
        String d = text(locale, "diagnosis." + s.diagnosis().name());
        if (s.diagnosisSubtype() != null) {
            d += " " + text(locale, "diagnosis.type", s.diagnosisSubtype());
        }
        if (s.severity() != null) {
            d += " · " + text(locale, "severity." + s.severity().name());
        }
        return d;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
