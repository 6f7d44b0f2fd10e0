package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.outcome.CentreCohort;
import org.junit.jupiter.api.Test;

/**
 * The centres compared publish each kept set of figures once per kind of reader (issue 18, speed): the view equals a
 * fresh publication for that reader, is shared by every network role, and a clinician's own centre stays theirs.
 */
class CentreComparisonViewsTest {

    private static final int YEAR = 2024;
    private static final CentreComparison.Filter ALL = new CentreComparison.Filter(null, null, null);
    private static final UUID SMALL = UUID.randomUUID();
    private static final UUID BIG = UUID.randomUUID();
    private static final UUID BIGGER = UUID.randomUUID();

    @Test
    void eachKindOfReaderGetsItsOwnPublicationOnceAndTheSameAsAFreshOne() {
        CentreComparison.Gathered g = gathered();

        CentreComparison.Computed analyst = g.view(true, Set.of(), YEAR, ALL, List.of());
        assertThat(g.view(true, Set.of(BIG), YEAR, ALL, List.of()))
                .as("every network role sees the same")
                .isSameAs(analyst);
        assertThat(analyst.shown())
                .isEqualTo(
                        CentreComparison.publish(true, Set.of(), YEAR, ALL, g).shown());
        // the analyst: the 3-patient centre hidden, and beside it the smallest shown (the 9-patient one)
        assertThat(row(analyst, SMALL).patients()).isEqualTo(DisclosureControl.SUPPRESSED);
        assertThat(row(analyst, BIG).patients()).isEqualTo(DisclosureControl.SUPPRESSED);

        CentreComparison.Computed smallsClinician = g.view(false, Set.of(SMALL), YEAR, ALL, List.of());
        assertThat(smallsClinician).isNotSameAs(analyst);
        assertThat(g.view(false, Set.of(SMALL), YEAR, ALL, List.of())).isSameAs(smallsClinician);
        assertThat(row(smallsClinician, SMALL).patients())
                .as("their own centre as computed")
                .isEqualTo("3");
        assertThat(smallsClinician.shown())
                .isEqualTo(CentreComparison.publish(false, Set.of(SMALL), YEAR, ALL, g)
                        .shown());
        assertThat(row(g.view(false, Set.of(BIG), YEAR, ALL, List.of()), SMALL).patients())
                .as("another centre's clinician does not get the small centre's view")
                .isEqualTo(DisclosureControl.SUPPRESSED);
    }

    private static CentreComparison.Row row(CentreComparison.Computed c, UUID centre) {
        return c.shown().items().stream()
                .filter(r -> centre.equals(r.centreId()))
                .findFirst()
                .orElseThrow();
    }

    private static CentreComparison.Gathered gathered() {
        Map<UUID, CentreComparison.Figures> byCentre = new HashMap<>();
        byCentre.put(SMALL, figures(SMALL, 3));
        byCentre.put(BIG, figures(BIG, 9));
        byCentre.put(BIGGER, figures(BIGGER, 20));
        return new CentreComparison.Gathered(
                figures(null, 32),
                byCentre,
                List.of(
                        new CentreComparison.Named(BIG, "Big"),
                        new CentreComparison.Named(BIGGER, "Bigger"),
                        new CentreComparison.Named(SMALL, "Small")));
    }

    private static CentreComparison.Figures figures(@org.jspecify.annotations.Nullable UUID centre, int patients) {
        CentreCohort cohort = new CentreCohort(
                centre,
                LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 12, 31),
                patients,
                0,
                patients,
                new CentreCohort.Distribution(patients, null, null, null, null, patients / 2, null),
                List.of(),
                List.of());
        MoreMeasures.Raw more = new MoreMeasures.Raw();
        more.withDiary = patients;
        return new CentreComparison.Figures(cohort, List.of(), more);
    }
}
