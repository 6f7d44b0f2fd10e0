package org.hemonet.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A diary of a test's own patient for one calendar year, written straight to the diary tables: an infusion on 1
 * December of the year before (the diary's start, so the whole year is observed) and {@code episodes} knee bleeds from
 * 1 March, a week apart. Reports read observation time from the first entry on, so such a diary also counts in every
 * later year: pick a year no other test's report assertions depend on. A year alone does not keep other tests' diaries
 * out of the network's figures (every earlier diary counts in it): a test that asserts a network figure filters it on a
 * diagnosis no other test or demo patient has — factor I (CentreComparisonSnapshotsTest), V (CentreComparisonTest), X
 * (CentreAdherenceSatisfactionTest), XIII deficiency (CentreMeasuresTest); factor II deficiency is still free.
 */
public final class BleedYears {

    private BleedYears() {}

    public static void write(JdbcClient jdbc, UUID patient, int year, int episodes, String recordedBy) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, make_timestamptz(:y - 1, 12, 1, 9, 0, 0, 'UTC'), :product, 1000, 'IU',
                            'PROPHYLAXIS', :by)""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("y", year)
                .param("product", UUID.randomUUID())
                .param("by", recordedBy)
                .update();
        for (int e = 0; e < episodes; e++) {
            jdbc.sql(
                            """
                            insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                            values (:id, :p, make_timestamptz(:y, 3, 1, 10, 0, 0, 'UTC') + make_interval(days => 7 * :e),
                                'LEFT_KNEE', 'SPONTANEOUS', :by)""")
                    .param("id", UUID.randomUUID())
                    .param("p", patient)
                    .param("y", year)
                    .param("e", e)
                    .param("by", recordedBy)
                    .update();
        }
    }

    /**
     * A centre of 8 patients, each with a diary and no bleed in {@code year}: the smallest centre a network role is
     * shown (clinical.md §8). Where a test asserts what a network role sees of its own, larger centre, this keeps that
     * centre from being the one hidden beside another test's centre of 1–7 patients whose diary counts in the same
     * year (secondary suppression hides the smallest centre shown, and the diaries here count in every later year).
     * Where the test's own centre has 8 patients too, name this one to sort before it: centres are compared in name
     * order, and of two smallest centres shown the first is the partner.
     */
    public static TestNetwork.Site smallestShownCentre(
            TestNetwork network, JdbcClient jdbc, String name, int year, String recordedBy) {
        TestNetwork.Site site = network.centre(name);
        for (int i = 0; i < 8; i++) {
            write(jdbc, site.patient("S" + i, "Smallest").patientId(), year, 0, recordedBy);
        }
        return site;
    }
}
