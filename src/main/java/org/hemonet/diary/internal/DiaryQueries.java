package org.hemonet.diary.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.Annotation;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedFacts;
import org.hemonet.diary.BleedPhoto;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionFacts;
import org.hemonet.diary.InfusionReason;
import org.hemonet.diary.Revision;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The diary's SQL (CONVENTIONS rule 3). Rows are inserted and voided, never deleted. */
@Repository
public class DiaryQueries {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DiaryQueries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Rows sent to the database in one JDBC batch by the bulk inserts. */
    private static final int BATCH_SIZE = 1000;

    /**
     * Inserts many bleeds in JDBC batches (an imported history); rows whose id exists already are left as they are.
     */
    public void insertBleeds(List<Bleed> bleeds) {
        batch.batchUpdate(
                """
                insert into diary.bleed (id, patient_id, started_at, site, cause, pain, joint_immobilising,
                    days_lost_school, days_lost_work, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                bleeds,
                BATCH_SIZE,
                (ps, b) -> {
                    ps.setObject(1, b.id());
                    ps.setObject(2, b.patientId());
                    ps.setTimestamp(3, Timestamp.from(b.startedAt()));
                    ps.setString(4, b.site().name());
                    ps.setString(5, b.cause().name());
                    ps.setObject(6, b.pain(), java.sql.Types.SMALLINT);
                    ps.setBoolean(7, b.jointImmobilising());
                    ps.setInt(8, b.daysLostSchool());
                    ps.setInt(9, b.daysLostWork());
                    ps.setString(10, b.note());
                    ps.setTimestamp(11, Timestamp.from(b.recordedAt()));
                    ps.setString(12, b.recordedBy());
                });
    }

    /** Inserts many infusions in JDBC batches, like {@link #insertBleeds}. */
    public void insertInfusions(List<Infusion> infusions) {
        batch.batchUpdate(
                """
                insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                    reason, bleed_id, given_by, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                infusions,
                BATCH_SIZE,
                (ps, i) -> {
                    ps.setObject(1, i.id());
                    ps.setObject(2, i.patientId());
                    ps.setTimestamp(3, Timestamp.from(i.administeredAt()));
                    ps.setObject(4, i.productId());
                    ps.setString(5, i.batchNumber());
                    ps.setBigDecimal(6, i.dose());
                    ps.setString(7, i.unit().name());
                    ps.setString(8, i.reason().name());
                    ps.setObject(9, i.bleedId());
                    ps.setString(10, i.givenBy());
                    ps.setString(11, i.note());
                    ps.setTimestamp(12, Timestamp.from(i.recordedAt()));
                    ps.setString(13, i.recordedBy());
                });
    }

    /**
     * Inserts the infusions of one sync in a single statement (issue 14: one round trip instead of one per entry) and
     * returns the ids it inserted; an infusion whose id is stored already is left as it is and its id not returned.
     * Rows go in in id order, so that two syncs sharing ids take their locks in the same order.
     */
    public java.util.Set<UUID> insertInfusionsReturningCreated(List<Infusion> infusions) {
        if (infusions.isEmpty()) {
            return java.util.Set.of();
        }
        int n = infusions.size();
        String[] ids = new String[n];
        String[] patients = new String[n];
        String[] ats = new String[n];
        String[] products = new String[n];
        String[] batches = new String[n];
        String[] doses = new String[n];
        String[] units = new String[n];
        String[] reasons = new String[n];
        String[] bleeds = new String[n];
        String[] givenBy = new String[n];
        String[] notes = new String[n];
        String[] recordedAt = new String[n];
        String[] recordedBy = new String[n];
        for (int k = 0; k < n; k++) {
            Infusion i = infusions.get(k);
            ids[k] = i.id().toString();
            patients[k] = i.patientId().toString();
            ats[k] = i.administeredAt().toString();
            products[k] = i.productId().toString();
            batches[k] = i.batchNumber();
            doses[k] = i.dose().toPlainString();
            units[k] = i.unit().name();
            reasons[k] = i.reason().name();
            bleeds[k] = i.bleedId() == null ? null : i.bleedId().toString();
            givenBy[k] = i.givenBy();
            notes[k] = i.note();
            recordedAt[k] = i.recordedAt().toString();
            recordedBy[k] = i.recordedBy();
        }
        return new java.util.HashSet<>(jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, bleed_id, given_by, note, recorded_at, recorded_by)
                        select * from unnest(cast(:ids as uuid[]), cast(:patients as uuid[]), cast(:ats as timestamptz[]),
                            cast(:products as uuid[]), cast(:batches as text[]), cast(:doses as numeric[]),
                            cast(:units as text[]), cast(:reasons as text[]), cast(:bleeds as uuid[]),
                            cast(:givenBy as text[]), cast(:notes as text[]), cast(:recordedAt as timestamptz[]),
                            cast(:recordedBy as text[]))
                        order by 1
                        on conflict (id) do nothing
                        returning id""")
                .param("ids", ids)
                .param("patients", patients)
                .param("ats", ats)
                .param("products", products)
                .param("batches", batches)
                .param("doses", doses)
                .param("units", units)
                .param("reasons", reasons)
                .param("bleeds", bleeds)
                .param("givenBy", givenBy)
                .param("notes", notes)
                .param("recordedAt", recordedAt)
                .param("recordedBy", recordedBy)
                .query(UUID.class)
                .list());
    }

    /** The patient of each of these infusion ids that is stored (voided or not). */
    public Map<UUID, UUID> infusionOwners(Collection<UUID> ids) {
        Map<UUID, UUID> owners = new HashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        jdbc.sql("select id, patient_id from diary.infusion where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list()
                .forEach(pair -> owners.put(pair[0], pair[1]));
        return owners;
    }

    /** Inserts a bleed; false when a row with its id exists already (a retried client entry). */
    public boolean insertBleed(Bleed b) {
        return jdbc.sql(
                                """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, joint_immobilising,
                            days_lost_school, days_lost_work, note, recorded_at, recorded_by)
                        values (:id, :patient, :startedAt, :site, :cause, :pain, :immobilising, :school, :work, :note,
                            :recordedAt, :recordedBy)
                        on conflict (id) do nothing""")
                        .param("id", b.id())
                        .param("patient", b.patientId())
                        .param("startedAt", Timestamp.from(b.startedAt()))
                        .param("site", b.site().name())
                        .param("cause", b.cause().name())
                        .param("pain", b.pain())
                        .param("immobilising", b.jointImmobilising())
                        .param("school", b.daysLostSchool())
                        .param("work", b.daysLostWork())
                        .param("note", b.note())
                        .param("recordedAt", Timestamp.from(b.recordedAt()))
                        .param("recordedBy", b.recordedBy())
                        .update()
                == 1;
    }

    public boolean insertInfusion(Infusion i) {
        return jdbc.sql(
                                """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, bleed_id, given_by, note, recorded_at, recorded_by)
                        values (:id, :patient, :at, :product, :batch, :dose, :unit, :reason, :bleed, :givenBy, :note,
                            :recordedAt, :recordedBy)
                        on conflict (id) do nothing""")
                        .param("id", i.id())
                        .param("patient", i.patientId())
                        .param("at", Timestamp.from(i.administeredAt()))
                        .param("product", i.productId())
                        .param("batch", i.batchNumber())
                        .param("dose", i.dose())
                        .param("unit", i.unit().name())
                        .param("reason", i.reason().name())
                        .param("bleed", i.bleedId())
                        .param("givenBy", i.givenBy())
                        .param("note", i.note())
                        .param("recordedAt", Timestamp.from(i.recordedAt()))
                        .param("recordedBy", i.recordedBy())
                        .update()
                == 1;
    }

    public Optional<Bleed> bleed(UUID id) {
        return jdbc.sql("select * from diary.bleed where id = :id")
                .param("id", id)
                .query(DiaryQueries::bleed)
                .optional();
    }

    /** Which of these infusion ids are stored already (voided or not). */
    public java.util.Set<UUID> storedInfusionIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from diary.infusion where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    public Optional<Infusion> infusion(UUID id) {
        return jdbc.sql("select * from diary.infusion where id = :id")
                .param("id", id)
                .query(DiaryQueries::infusion)
                .optional();
    }

    /** A patient's bleeds in time order, voided ones included. */
    public List<Bleed> bleeds(UUID patientId) {
        return jdbc.sql("select * from diary.bleed where patient_id = :p order by started_at, id")
                .param("p", patientId)
                .query(DiaryQueries::bleed)
                .list();
    }

    public List<Infusion> infusions(UUID patientId) {
        return jdbc.sql("select * from diary.infusion where patient_id = :p order by administered_at, id")
                .param("p", patientId)
                .query(DiaryQueries::infusion)
                .list();
    }

    /**
     * The living bleeds of one patient with only the columns outcome measures need, in time order: an index-only scan
     * of {@code bleed_patient_live_facts} (issue 6 "Scale"), so a patient's rows are read together wherever they lie
     * in the table.
     */
    public List<BleedFacts> liveBleedFacts(UUID patientId) {
        return jdbc.sql(
                        """
                        select id, started_at, site, cause, pain, joint_immobilising, days_lost_school, days_lost_work
                        from diary.bleed where patient_id = :p and voided_at is null order by started_at""")
                .param("p", patientId)
                .query((rs, row) -> (BleedFacts) liveBleed(rs, 1))
                .list();
    }

    /**
     * The living infusions of one patient with only the columns outcome measures need, in time order: an index-only
     * scan of {@code infusion_patient_live_facts}, about 100 index pages for 10 years of a patient among 10 million
     * rows instead of one heap page per infusion (issue 6 "Scale").
     */
    public List<InfusionFacts> liveInfusionFacts(UUID patientId) {
        return jdbc.sql(
                        """
                        select administered_at, dose, unit, reason, bleed_id
                        from diary.infusion where patient_id = :p and voided_at is null order by administered_at""")
                .param("p", patientId)
                .query((rs, row) -> (InfusionFacts) liveInfusion(rs, 1))
                .list();
    }

    /**
     * A living bleed from the columns {@code id, started_at, site, cause, pain, joint_immobilising, days_lost_school,
     * days_lost_work}, the first of them at index {@code first}.
     */
    private static LiveBleed liveBleed(ResultSet rs, int first) throws SQLException {
        return new LiveBleed(
                rs.getObject(first, UUID.class),
                rs.getObject(first + 1, OffsetDateTime.class).toInstant(),
                BleedSite.valueOf(rs.getString(first + 2)),
                BleedCause.valueOf(rs.getString(first + 3)),
                rs.getObject(first + 4, Integer.class),
                rs.getBoolean(first + 5),
                rs.getInt(first + 6),
                rs.getInt(first + 7));
    }

    /**
     * A living infusion from the columns {@code administered_at, dose, unit, reason, bleed_id}, the first of them at
     * index {@code first}.
     */
    private static LiveInfusion liveInfusion(ResultSet rs, int first) throws SQLException {
        return new LiveInfusion(
                rs.getObject(first, OffsetDateTime.class).toInstant(),
                rs.getBigDecimal(first + 1),
                DoseUnit.valueOf(rs.getString(first + 2)),
                InfusionReason.valueOf(rs.getString(first + 3)),
                rs.getObject(first + 4, UUID.class));
    }

    private record LiveBleed(
            UUID id,
            Instant startedAt,
            BleedSite site,
            BleedCause cause,
            @Nullable Integer pain,
            boolean jointImmobilising,
            int daysLostSchool,
            int daysLostWork)
            implements BleedFacts {

        @Override
        public boolean isVoided() {
            return false;
        }
    }

    private record LiveInfusion(
            Instant administeredAt, BigDecimal dose, DoseUnit unit, InfusionReason reason, @Nullable UUID bleedId)
            implements InfusionFacts {

        @Override
        public boolean isVoided() {
            return false;
        }
    }

    /**
     * The living bleeds of several patients with only what outcome measures need, by patient in time order: for read
     * models over a centre (issue 6); an index-only scan of {@code bleed_patient_live_facts}.
     */
    public Map<UUID, List<BleedFacts>> liveBleedFacts(Collection<UUID> patientIds) {
        Map<UUID, List<BleedFacts>> bleeds = new HashMap<>();
        if (patientIds.isEmpty()) {
            return bleeds;
        }
        jdbc.sql(
                        """
                        select patient_id, id, started_at, site, cause, pain, joint_immobilising, days_lost_school,
                            days_lost_work
                        from diary.bleed where patient_id in (:ids) and voided_at is null
                        order by patient_id, started_at""")
                .param("ids", List.copyOf(patientIds))
                .query(rs -> {
                    bleeds.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(liveBleed(rs, 2));
                });
        return bleeds;
    }

    /**
     * The living infusions of several patients given at or after {@code since}, and before it those that treat a
     * bleed, with only what outcome measures need, by patient in time order: a centre's read model needs the episodes
     * and only the recent prophylaxis. An index-only range read by patient and time, and a read by bleed for the older
     * treatment injections; never a patient's whole infusion history.
     */
    public Map<UUID, List<InfusionFacts>> liveInfusionFacts(Collection<UUID> patientIds, Instant since) {
        Map<UUID, List<InfusionFacts>> infusions = new HashMap<>();
        if (patientIds.isEmpty()) {
            return infusions;
        }
        jdbc.sql(
                        """
                        select patient_id, administered_at, dose, unit, reason, bleed_id from diary.infusion
                        where patient_id in (:ids) and administered_at >= :since and voided_at is null
                        union all
                        select i.patient_id, i.administered_at, i.dose, i.unit, i.reason, i.bleed_id from diary.bleed b
                          join diary.infusion i on i.bleed_id = b.id and i.patient_id = b.patient_id
                        where b.patient_id in (:ids) and i.reason = 'BLEED' and i.voided_at is null
                          and i.administered_at < :since
                        order by 1, 2""")
                .param("ids", List.copyOf(patientIds))
                .param("since", Timestamp.from(since))
                .query(rs -> {
                    infusions
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(liveInfusion(rs, 2));
                });
        return infusions;
    }

    /**
     * Which of the patients have a living infusion from {@code from} (inclusive) to {@code to} (exclusive): one probe
     * of the covering (patient, time) index of living infusions each.
     */
    public Set<UUID> withInfusionBetween(Collection<UUID> patientIds, Instant from, Instant to) {
        if (patientIds.isEmpty()) {
            return Set.of();
        }
        Set<UUID> found = new java.util.HashSet<>();
        jdbc.sql(
                        """
                        select p from unnest(:ids) as p
                        where exists (select 1 from diary.infusion i where i.patient_id = p and i.voided_at is null
                                      and i.administered_at >= :from and i.administered_at < :to)""")
                .param("ids", patientIds.toArray(UUID[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> found.add(rs.getObject(1, UUID.class)))
                .list();
        return found;
    }

    /** Each patient's diary change counter ({@code diary.patient_change}, kept by triggers); absent: never written. */
    public Map<UUID, Long> changeVersions(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> versions = new HashMap<>();
        jdbc.sql("select patient_id, version from diary.patient_change where patient_id = any(:ids)")
                .param("ids", patientIds.toArray(UUID[]::new))
                .query((rs, row) -> versions.put(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
        return versions;
    }

    /**
     * The first and last entry time (bleed start or infusion time, not voided) of each patient with a diary; each
     * minimum and maximum is one index probe of the (patient, time) indexes.
     */
    public Map<UUID, Instant[]> entrySpans(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Instant[]> spans = new HashMap<>();
        jdbc.sql(
                        """
                        select p.id,
                          least((select min(started_at) from diary.bleed b where b.patient_id = p.id and b.voided_at is null),
                                (select min(administered_at) from diary.infusion i
                                  where i.patient_id = p.id and i.voided_at is null)) as first_at,
                          greatest((select max(started_at) from diary.bleed b where b.patient_id = p.id and b.voided_at is null),
                                   (select max(administered_at) from diary.infusion i
                                     where i.patient_id = p.id and i.voided_at is null)) as last_at
                        from (select distinct unnest(array[:ids]::uuid[]) as id) p""")
                .param("ids", List.copyOf(patientIds))
                .query((rs, row) -> {
                    Timestamp first = rs.getTimestamp("first_at");
                    if (first != null) {
                        spans.put(rs.getObject("id", UUID.class), new Instant[] {
                            first.toInstant(), rs.getTimestamp("last_at").toInstant()
                        });
                    }
                    return row;
                })
                .list();
        return spans;
    }

    /**
     * The bleeds of many patients from {@code from} (inclusive) to {@code to} (exclusive), voided ones left out, in one
     * query (cohort outcomes, issue 6). Uses the (patient_id, started_at) index.
     */
    public List<Bleed> bleedsOf(java.util.Collection<UUID> patientIds, Instant from, Instant to) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from diary.bleed where patient_id in (:ids) and voided_at is null
                          and started_at >= :from and started_at < :to order by patient_id, started_at, id""")
                .param("ids", List.copyOf(patientIds))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DiaryQueries::bleed)
                .list();
    }

    /**
     * Each (patient, product, calendar year in {@code zone}) with at least one living infusion from {@code fromYear}
     * to {@code toYear}, both included: the treatment-years of safety surveillance (issue 13, clinical.md §9).
     */
    public List<Object[]> productYears(int fromYear, int toYear, java.time.ZoneId zone) {
        return jdbc.sql(
                        """
                        select distinct patient_id, product_id,
                            extract(year from administered_at at time zone :zone)::int as year
                        from diary.infusion where voided_at is null
                          and administered_at >= :from and administered_at < :to""")
                .param("zone", zone.getId())
                .param(
                        "from",
                        Timestamp.from(java.time.LocalDate.of(fromYear, 1, 1)
                                .atStartOfDay(zone)
                                .toInstant()))
                .param(
                        "to",
                        Timestamp.from(java.time.LocalDate.of(toYear + 1, 1, 1)
                                .atStartOfDay(zone)
                                .toInstant()))
                .query((rs, n) -> new Object[] {
                    rs.getObject("patient_id", UUID.class), rs.getObject("product_id", UUID.class), rs.getInt("year")
                })
                .list();
    }

    /** The infusions of many patients from {@code from} (inclusive) to {@code to} (exclusive), voided ones left out. */
    public List<Infusion> infusionsOf(java.util.Collection<UUID> patientIds, Instant from, Instant to) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from diary.infusion where patient_id in (:ids) and voided_at is null
                          and administered_at >= :from and administered_at < :to
                        order by patient_id, administered_at, id""")
                .param("ids", List.copyOf(patientIds))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DiaryQueries::infusion)
                .list();
    }

    /** The time of each patient's first living diary entry (bleed or infusion); patients without one are absent. */
    public java.util.Map<UUID, Instant> firstEntries(java.util.Collection<UUID> patientIds) {
        java.util.Map<UUID, Instant> first = new java.util.HashMap<>();
        if (patientIds.isEmpty()) {
            return first;
        }
        jdbc.sql(
                        """
                        select patient_id, min(t) as first from (
                          select patient_id, min(started_at) as t from diary.bleed
                          where patient_id in (:ids) and voided_at is null group by patient_id
                          union all
                          select patient_id, min(administered_at) from diary.infusion
                          where patient_id in (:ids) and voided_at is null group by patient_id) e
                        group by patient_id""")
                .param("ids", List.copyOf(patientIds))
                .query(rs -> {
                    first.put(
                            rs.getObject("patient_id", UUID.class),
                            rs.getTimestamp("first").toInstant());
                });
        return first;
    }

    /** Voids a bleed that is not voided yet; false when there was none to void. */
    public boolean voidBleed(UUID id, UUID patientId, Instant at, String by, String reason) {
        return jdbc.sql(
                                """
                        update diary.bleed set voided_at = :at, voided_by = :by, void_reason = :reason
                        where id = :id and patient_id = :p and voided_at is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .param("p", patientId)
                        .update()
                == 1;
    }

    public boolean voidInfusion(UUID id, UUID patientId, Instant at, String by, String reason) {
        return jdbc.sql(
                                """
                        update diary.infusion set voided_at = :at, voided_by = :by, void_reason = :reason
                        where id = :id and patient_id = :p and voided_at is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .param("p", patientId)
                        .update()
                == 1;
    }

    /** The current version of an entry and whether it is voided, locking the row; empty when it is not the patient's. */
    public Optional<EntryState> lockBleed(UUID id, UUID patientId) {
        return jdbc.sql(
                        "select version, voided_at is not null as voided from diary.bleed where id = :id and patient_id = :p"
                                + " for update")
                .param("id", id)
                .param("p", patientId)
                .query((rs, n) -> new EntryState(rs.getInt("version"), rs.getBoolean("voided")))
                .optional();
    }

    public Optional<EntryState> lockInfusion(UUID id, UUID patientId) {
        return jdbc.sql("select version, voided_at is not null as voided from diary.infusion where id = :id"
                        + " and patient_id = :p for update")
                .param("id", id)
                .param("p", patientId)
                .query((rs, n) -> new EntryState(rs.getInt("version"), rs.getBoolean("voided")))
                .optional();
    }

    public record EntryState(int version, boolean voided) {}

    /**
     * Keeps the current version of a bleed in its history and replaces its values with {@code b}'s, raising the
     * version. The caller holds the row lock ({@link #lockBleed}).
     */
    public void correctBleed(Bleed b, int version, Instant at, String by, String reason) {
        jdbc.sql(
                        """
                        insert into diary.bleed_version (id, version, patient_id, started_at, site, cause, pain,
                            joint_immobilising, days_lost_school, days_lost_work, note, recorded_at, recorded_by,
                            voided_at, voided_by, void_reason, corrected_at, corrected_by, correction_reason)
                        select id, version, patient_id, started_at, site, cause, pain, joint_immobilising,
                            days_lost_school, days_lost_work, note, recorded_at, recorded_by, voided_at, voided_by,
                            void_reason, :at, :by, :reason
                        from diary.bleed where id = :id and version = :version""")
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("reason", reason)
                .param("id", b.id())
                .param("version", version)
                .update();
        jdbc.sql(
                        """
                        update diary.bleed set started_at = :startedAt, site = :site, cause = :cause, pain = :pain,
                            joint_immobilising = :immobilising, days_lost_school = :school, days_lost_work = :work,
                            note = :note, version = version + 1
                        where id = :id and version = :version""")
                .param("startedAt", Timestamp.from(b.startedAt()))
                .param("site", b.site().name())
                .param("cause", b.cause().name())
                .param("pain", b.pain())
                .param("immobilising", b.jointImmobilising())
                .param("school", b.daysLostSchool())
                .param("work", b.daysLostWork())
                .param("note", b.note())
                .param("id", b.id())
                .param("version", version)
                .update();
    }

    public void correctInfusion(Infusion i, int version, Instant at, String by, String reason) {
        jdbc.sql(
                        """
                        insert into diary.infusion_version (id, version, patient_id, administered_at, product_id,
                            batch_number, dose, unit, reason, bleed_id, given_by, note, recorded_at, recorded_by,
                            voided_at, voided_by, void_reason, corrected_at, corrected_by, correction_reason)
                        select id, version, patient_id, administered_at, product_id, batch_number, dose, unit, reason,
                            bleed_id, given_by, note, recorded_at, recorded_by, voided_at, voided_by, void_reason,
                            :at, :by, :reason
                        from diary.infusion where id = :id and version = :version""")
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("reason", reason)
                .param("id", i.id())
                .param("version", version)
                .update();
        jdbc.sql(
                        """
                        update diary.infusion set administered_at = :at, product_id = :product, batch_number = :batch,
                            dose = :dose, unit = :unit, reason = :reason, bleed_id = :bleed, given_by = :givenBy,
                            note = :note, version = version + 1
                        where id = :id and version = :version""")
                .param("at", Timestamp.from(i.administeredAt()))
                .param("product", i.productId())
                .param("batch", i.batchNumber())
                .param("dose", i.dose())
                .param("unit", i.unit().name())
                .param("reason", i.reason().name())
                .param("bleed", i.bleedId())
                .param("givenBy", i.givenBy())
                .param("note", i.note())
                .param("id", i.id())
                .param("version", version)
                .update();
    }

    /** The current version numbers of a patient's entries (bleeds and infusions), by entry id. */
    public java.util.Map<UUID, Integer> versions(UUID patientId) {
        java.util.Map<UUID, Integer> versions = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        select id, version from diary.bleed where patient_id = :p
                        union all select id, version from diary.infusion where patient_id = :p""")
                .param("p", patientId)
                .query(rs -> {
                    versions.put(rs.getObject("id", UUID.class), rs.getInt("version"));
                });
        return versions;
    }

    /** Earlier versions of a patient's corrected bleeds, oldest first. */
    public List<Revision<Bleed>> bleedRevisions(UUID patientId) {
        return jdbc.sql("select * from diary.bleed_version where patient_id = :p order by id, version")
                .param("p", patientId)
                .query((rs, n) -> new Revision<>(
                        rs.getInt("version"),
                        bleed(rs, n),
                        rs.getTimestamp("corrected_at").toInstant(),
                        rs.getString("corrected_by"),
                        rs.getString("correction_reason")))
                .list();
    }

    public List<Revision<Infusion>> infusionRevisions(UUID patientId) {
        return jdbc.sql("select * from diary.infusion_version where patient_id = :p order by id, version")
                .param("p", patientId)
                .query((rs, n) -> new Revision<>(
                        rs.getInt("version"),
                        infusion(rs, n),
                        rs.getTimestamp("corrected_at").toInstant(),
                        rs.getString("corrected_by"),
                        rs.getString("correction_reason")))
                .list();
    }

    public void insertPhoto(
            UUID id, UUID bleedId, UUID patientId, String contentType, byte[] bytes, Instant at, String by) {
        jdbc.sql(
                        """
                        insert into diary.bleed_photo (id, bleed_id, patient_id, content_type, bytes, uploaded_at,
                            uploaded_by)
                        values (:id, :bleed, :p, :type, :bytes, :at, :by)""")
                .param("id", id)
                .param("bleed", bleedId)
                .param("p", patientId)
                .param("type", contentType)
                .param("bytes", bytes)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** The latest photo of a bleed of the patient. */
    public Optional<BleedPhoto> latestPhoto(UUID bleedId, UUID patientId) {
        return jdbc.sql(
                        """
                        select id, bleed_id, content_type, bytes, uploaded_at, uploaded_by from diary.bleed_photo
                        where bleed_id = :bleed and patient_id = :p order by uploaded_at desc, id limit 1""")
                .param("bleed", bleedId)
                .param("p", patientId)
                .query((rs, n) -> new BleedPhoto(
                        rs.getObject("id", UUID.class),
                        rs.getObject("bleed_id", UUID.class),
                        rs.getString("content_type"),
                        rs.getBytes("bytes"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getString("uploaded_by")))
                .optional();
    }

    /** The bleeds of a patient that have a photo. */
    public java.util.Set<UUID> bleedsWithPhotos(UUID patientId) {
        return new java.util.HashSet<>(jdbc.sql("select distinct bleed_id from diary.bleed_photo where patient_id = :p")
                .param("p", patientId)
                .query(UUID.class)
                .list());
    }

    public void insertAnnotation(Annotation a, String authorRole) {
        jdbc.sql(
                        """
                        insert into diary.annotation (id, patient_id, entry_type, entry_id, text, author, author_name,
                            author_role, created_at)
                        values (:id, :p, :type, :entry, :text, :author, :name, :role, :at)""")
                .param("id", a.id())
                .param("p", a.patientId())
                .param("type", a.entryType().name())
                .param("entry", a.entryId())
                .param("text", a.text())
                .param("author", a.author())
                .param("name", a.authorName())
                .param("role", authorRole)
                .param("at", Timestamp.from(a.createdAt()))
                .update();
    }

    /** A patient's annotations, oldest first. */
    public List<Annotation> annotations(UUID patientId) {
        return jdbc.sql("select * from diary.annotation where patient_id = :p order by created_at, id")
                .param("p", patientId)
                .query((rs, n) -> new Annotation(
                        rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        Annotation.EntryType.valueOf(rs.getString("entry_type")),
                        rs.getObject("entry_id", UUID.class),
                        rs.getString("text"),
                        rs.getString("author"),
                        rs.getString("author_name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Whether a prophylaxis infusion of the patient (not voided) was given from {@code from} up to {@code to}. */
    public boolean prophylaxisLoggedBetween(UUID patientId, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select exists (select 1 from diary.infusion where patient_id = :p and reason = 'PROPHYLAXIS'
                            and voided_at is null and administered_at >= :from and administered_at < :to)""")
                .param("p", patientId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Boolean.class)
                .single();
    }

    static Bleed bleed(ResultSet rs, int row) throws SQLException {
        return new Bleed(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(),
                BleedSite.valueOf(rs.getString("site")),
                BleedCause.valueOf(rs.getString("cause")),
                (Integer) rs.getObject("pain") == null ? null : rs.getInt("pain"),
                rs.getBoolean("joint_immobilising"),
                rs.getInt("days_lost_school"),
                rs.getInt("days_lost_work"),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"),
                instant(rs.getTimestamp("voided_at")),
                rs.getString("voided_by"),
                rs.getString("void_reason"));
    }

    static Infusion infusion(ResultSet rs, int row) throws SQLException {
        return new Infusion(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getTimestamp("administered_at").toInstant(),
                rs.getObject("product_id", UUID.class),
                rs.getString("batch_number"),
                rs.getBigDecimal("dose"),
                DoseUnit.valueOf(rs.getString("unit")),
                InfusionReason.valueOf(rs.getString("reason")),
                rs.getObject("bleed_id", UUID.class),
                rs.getString("given_by"),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"),
                instant(rs.getTimestamp("voided_at")),
                rs.getString("voided_by"),
                rs.getString("void_reason"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
