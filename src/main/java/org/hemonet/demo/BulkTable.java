package org.hemonet.demo;

/**
 * The tables {@code generate} fills with {@code COPY}, in an order that respects their foreign keys (a bleed before
 * the infusions that treat it), with the columns it writes; every other column keeps its default.
 */
enum BulkTable {
    BATCH("product.batch", "id, product_id, batch_number, expires_on, vials_received, units_per_vial, received_on"),
    PATIENT(
            "patient.patient",
            "id, centre_id, given_name, family_name, date_of_birth, sex, national_id_scheme, national_id, region_id,"
                    + " time_zone, created_at, updated_at, hiv_status, hbv_status, hcv_status,"
                    + " knows_diagnosis_and_product, self_infuses, orders_supplies, knows_emergency_plan"),
    DIAGNOSIS("patient.diagnosis", "id, patient_id, type, subtype, bleeding_phenotype, recorded_at"),
    FACTOR_LEVEL("patient.factor_level", "id, patient_id, factor, level_iu_per_dl, measured_on, recorded_at"),
    WEIGHT("patient.weight", "id, patient_id, measured_on, weight_kg, height_cm, recorded_at"),
    INHIBITOR_TEST(
            "patient.inhibitor_test",
            "id, patient_id, sampled_on, residual_activity_percent, dilution, titre_bu, recorded_at, recorded_by"),
    RECORD_NUMBER("patient.record_number", "patient_id, centre_id, mrn, recorded_at, recorded_by"),
    TREATMENT_PLAN(
            "supply.treatment_plan",
            "id, patient_id, centre_id, regimen, product_id, bleed_product_id, unit, dose, dose_per_kg, weight_kg,"
                    + " schedule_kind, schedule_interval, weekdays, dose_time, time_zone, valid_from, prescriber_id,"
                    + " prescriber_name, created_at"),
    DELIVERY(
            "supply.delivery",
            "id, patient_id, centre_id, status, scheduled_for, delivery_window, ordered_by, created_at, delivered_at,"
                    + " confirmed_by"),
    DELIVERY_ITEM("supply.delivery_item", "id, delivery_id, product_id, batch_number, vials, units_per_vial"),
    STOCK_USE(
            "supply.stock_use",
            "id, patient_id, product_id, batch_number, kind, vials, units_per_vial, occurred_at, recorded_at"),
    BLEED(
            "diary.bleed",
            "id, patient_id, started_at, site, cause, pain, joint_immobilising, days_lost_school, days_lost_work,"
                    + " note, recorded_at, recorded_by"),
    INFUSION(
            "diary.infusion",
            "id, patient_id, administered_at, product_id, batch_number, dose, unit, reason, bleed_id, recorded_at,"
                    + " recorded_by"),
    JOINT_SCORE(
            "outcome.joint_score",
            "id, patient_id, assessed_on, assessor_username, assessor_role, context, recorded_at, recorded_by"),
    JOINT_SCORE_ITEM("outcome.joint_score_item", "score_id, joint, item, value, not_evaluable"),
    AUDIT_EVENT(
            "audit.event",
            "account_id, username, role, centre_ids, patient_id, action, resource_type, resource_id, outcome,"
                    + " client_address, request_id");

    private final String table;
    private final String columns;

    BulkTable(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    String table() {
        return table;
    }

    int columnCount() {
        return columns.split(",").length;
    }

    /** The {@code COPY ... FROM STDIN} statement (PostgreSQL text format). */
    String copySql() {
        return "copy " + table + " (" + columns + ") from stdin";
    }
}
