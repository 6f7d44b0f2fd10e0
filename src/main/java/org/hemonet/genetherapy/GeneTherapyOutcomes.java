package org.hemonet.genetherapy;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.PatientOutcomes;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes in the years before and after gene therapy (issue 21), computed by the outcome module's engine (clinical.md
 * §4: ABR, joint bleeds, factor use in IU/kg/year, exposure days) over the {@code years} before the infusion day and
 * the {@code years} from it (the infusion day counts as after). Days free of treatment = observation days − exposure
 * days (days on which no factor concentrate was given; non-factor doses in mg do not count as treatment days here).
 * The outcome module audits each period's read.
 */
@Service
@Transactional
public class GeneTherapyOutcomes {

    private final GeneTherapies therapies;
    private final GeneTherapyAccess access;
    private final PatientOutcomes outcomes;

    GeneTherapyOutcomes(GeneTherapies therapies, GeneTherapyAccess access, PatientOutcomes outcomes) {
        this.therapies = therapies;
        this.access = access;
        this.outcomes = outcomes;
    }

    /** One period's figures. */
    public record Period(
            LocalDate from,
            LocalDate to,
            @Nullable Integer observationDays,
            java.math.@Nullable BigDecimal abr,
            @Nullable Integer bleeds,
            @Nullable Integer jointBleeds,
            java.math.@Nullable BigDecimal ajbr,
            java.math.@Nullable BigDecimal factorUseIuPerKgPerYear,
            @Nullable Integer exposureDays,
            @Nullable Integer daysFreeOfTreatment) {

        static Period of(LocalDate from, LocalDate to, OutcomeReport r) {
            Integer free = r.observationDays() == null || r.exposureDays() == null
                    ? null
                    : r.observationDays() - r.exposureDays();
            return new Period(
                    from,
                    to,
                    r.observationDays(),
                    r.abr(),
                    r.bleedEpisodes().total(),
                    r.bleedEpisodes().joint(),
                    r.ajbr(),
                    r.factorUseIuPerKgPerYear(),
                    r.exposureDays(),
                    free);
        }
    }

    public record BeforeAfter(UUID geneTherapyId, LocalDate infusedOn, int years, Period before, Period after) {}

    public BeforeAfter beforeAfter(Actor actor, UUID patientId, UUID geneTherapyId, int years) {
        access.read(actor, patientId, GeneTherapies.RESOURCE);
        if (years < 1 || years > 10) {
            throw new InvalidInputException("years", "1 to 10 years.");
        }
        GeneTherapy therapy = therapies.require(patientId, geneTherapyId);
        LocalDate infused = therapy.infusedOn();
        LocalDate beforeFrom = infused.minusYears(years);
        LocalDate beforeTo = infused.minusDays(1);
        LocalDate afterTo = infused.plusYears(years).minusDays(1);
        OutcomeReport before = outcomes.outcomes(actor, patientId, beforeFrom, beforeTo);
        OutcomeReport after = outcomes.outcomes(actor, patientId, infused, afterTo);
        return new BeforeAfter(
                therapy.id(),
                infused,
                years,
                Period.of(beforeFrom, beforeTo, before),
                Period.of(infused, afterTo, after));
    }
}
