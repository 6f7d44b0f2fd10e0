package org.hemonet.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.outcome.CentreCohort;
import org.hemonet.outcome.CohortOutcomes;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who sees a centre's cohort outcomes, and how (issue 6). The outcome module computes the raw figures
 * ({@link CohortOutcomes}); this module owns disclosure control (clinical.md §8), so the rule is applied here, where
 * the figures leave for people outside the centre:
 *
 * <ul>
 *   <li>staff of the centre (clinician, nurse, physio, social worker, lab) see the figures as computed;
 *   <li>NETWORK_ANALYST and COMMISSIONER see them through {@link DisclosureControl#defaults()}: counts of 1–7 show as
 *       {@code *} and others are rounded to the nearest 5 (each on its own, totals included); medians, quartiles,
 *       means and shares built on fewer than 8 patients show as {@code *};
 *   <li>everyone else is refused (403); an unknown centre is 404.
 * </ul>
 */
@Service
public class CohortOutcomesReport {

    static final Set<String> CENTRE_STAFF = Set.of("CLINICIAN", "NURSE", "PHYSIO", "SOCIAL_WORKER", "LAB");
    static final Set<String> NETWORK = Set.of("NETWORK_ANALYST", "COMMISSIONER");

    private final CohortOutcomes cohorts;
    private final CentreDirectory centres;
    private final DisclosureControl disclosure = DisclosureControl.defaults();

    /** The schemas a cohort is computed from: diaries, joint scores, patients, plans and the catalogue. */
    private static final Set<String> READS = Set.of("diary", "outcome", "patient", "supply", "product");

    private final ReportSnapshots snapshots;

    CohortOutcomesReport(CohortOutcomes cohorts, CentreDirectory centres, ReportSnapshots snapshots) {
        this.cohorts = cohorts;
        this.centres = centres;
        this.snapshots = snapshots;
    }

    /** May the actor open the cohort page of this centre at all? */
    public boolean maySee(Actor actor, UUID centreId) {
        return NETWORK.contains(actor.role())
                || (CENTRE_STAFF.contains(actor.role()) && actor.centreIds().contains(centreId));
    }

    public CohortView report(Actor actor, UUID centreId, LocalDate from, LocalDate to) {
        Centre centre = centres.centre(centreId).orElseThrow(() -> new NotFoundException("centre"));
        if (!maySee(actor, centreId)) {
            throw new AccessDeniedException("cohort outcomes are for the centre's team and the network");
        }
        CentreCohort raw =
                snapshots.get("cohort", READS, List.of(centreId, from, to), () -> cohorts.of(centreId, from, to));
        boolean controlled = !CENTRE_STAFF.contains(actor.role());
        return view(centre, raw, controlled ? disclosure : null);
    }

    /**
     * The cohort as shown: every cell a string, passed through disclosure control when {@code control} is given.
     *
     * @param disclosureControl true when the figures were passed through disclosure control
     */
    public record CohortView(
            UUID centreId,
            String centreName,
            LocalDate from,
            LocalDate to,
            boolean disclosureControl,
            String patients,
            String withoutObservationTime,
            String included,
            Row all,
            List<Row> bySeverity,
            List<Row> byRegimen) {}

    /** One line of the table: a group and its ABR distribution. */
    public record Row(
            String group,
            String n,
            String median,
            String q1,
            String q3,
            String mean,
            String zeroBleeds,
            String zeroBleedPercent) {}

    static CohortView view(Centre centre, CentreCohort c, @Nullable DisclosureControl control) {
        return new CohortView(
                centre.id(),
                centre.name(),
                c.from(),
                c.to(),
                control != null,
                count(c.patients(), control),
                count(c.withoutObservationTime(), control),
                count(c.included(), control),
                row("ALL", c.all(), control),
                c.bySeverity().stream()
                        .map(g -> row(g.group(), g.abr(), control))
                        .toList(),
                c.byRegimen().stream()
                        .map(g -> row(g.group(), g.abr(), control))
                        .toList());
    }

    private static Row row(String group, CentreCohort.Distribution d, @Nullable DisclosureControl control) {
        return new Row(
                group,
                count(d.n(), control),
                statistic(d.median(), d.n(), control),
                statistic(d.q1(), d.n(), control),
                statistic(d.q3(), d.n(), control),
                statistic(d.mean(), d.n(), control),
                count(d.zeroBleeds(), control),
                statistic(d.zeroBleedPercent(), d.n(), control));
    }

    private static String count(int count, @Nullable DisclosureControl control) {
        return control == null ? Integer.toString(count) : control.count(count);
    }

    private static String statistic(@Nullable BigDecimal value, int n, @Nullable DisclosureControl control) {
        String formatted = value == null ? "–" : value.toPlainString();
        return control == null || value == null ? formatted : control.statistic(formatted, n);
    }
}
