package org.hemonet.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A PK study as the clinician enters it: logged diary infusions and stored lab results ticked by id, and/or one typed
 * dose and up to four typed levels, in the patient's local time. Mutable for form binding.
 */
public class PkStudyForm {

    /** What an HTML {@code datetime-local} input sends and shows. */
    static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

    @NotBlank
    private String model = "";

    private String product = "STANDARD";

    @NotNull
    @DecimalMin(value = "1", message = "must be at least 1 kg")
    @DecimalMax(value = "250", message = "must be at most 250 kg")
    private @Nullable Double weightKg;

    @NotNull
    @DecimalMin(value = "0", message = "must not be negative")
    @DecimalMax(value = "110", message = "must be at most 110 years")
    private @Nullable Double ageYears;

    /** Lean body weight, asked only by {@code fviii-solms-2020}. */
    @DecimalMin(value = "3", message = "must be at least 3 kg")
    @DecimalMax(value = "150", message = "must be at most 150 kg")
    private @Nullable Double leanBodyWeightKg;

    /** Von Willebrand factor antigen, asked only by {@code fviii-solms-2020}. */
    @DecimalMin(value = "10", message = "must be at least 10 IU/dL")
    @DecimalMax(value = "1000", message = "must be at most 1,000 IU/dL")
    private @Nullable Double vwfIuPerDl;

    @DecimalMin(value = "0", message = "must not be negative")
    private double baselineIuPerDl;

    @DateTimeFormat(pattern = DATE_TIME)
    private @Nullable LocalDateTime doseAt;

    @DecimalMin(value = "1", message = "must be more than 0 IU")
    @DecimalMax(value = "50000", message = "must be at most 50,000 IU")
    private @Nullable Double doseIu;

    @DecimalMin(value = "0", message = "must not be negative")
    private double infusionMinutes;

    private List<Sample> samples = new ArrayList<>(List.of(new Sample(), new Sample(), new Sample(), new Sample()));

    /** Logged diary infusions picked as doses. */
    private List<UUID> infusionIds = new ArrayList<>();

    /** Stored lab results picked as samples. */
    private List<UUID> factorLevelIds = new ArrayList<>();

    @DecimalMin(value = "1", message = "must be at least 1 IU/kg")
    @DecimalMax(value = "200", message = "must be at most 200 IU/kg")
    private double reportDoseIuPerKg = 50;

    @DecimalMin(value = "0.5", message = "must be at least 0.5 IU/dL")
    @DecimalMax(value = "50", message = "must be at most 50 IU/dL")
    private double targetTroughIuPerDl = 1;

    /** One timed level; blank rows are ignored. */
    public static class Sample {
        @DateTimeFormat(pattern = DATE_TIME)
        private @Nullable LocalDateTime at;

        private @Nullable Double iuPerDl;

        public @Nullable LocalDateTime getAt() {
            return at;
        }

        public void setAt(@Nullable LocalDateTime at) {
            this.at = at;
        }

        public @Nullable Double getIuPerDl() {
            return iuPerDl;
        }

        public void setIuPerDl(@Nullable Double iuPerDl) {
            this.iuPerDl = iuPerDl;
        }
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public @Nullable Double getWeightKg() {
        return weightKg;
    }

    public void setWeightKg(@Nullable Double weightKg) {
        this.weightKg = weightKg;
    }

    public @Nullable Double getAgeYears() {
        return ageYears;
    }

    public void setAgeYears(@Nullable Double ageYears) {
        this.ageYears = ageYears;
    }

    public @Nullable Double getLeanBodyWeightKg() {
        return leanBodyWeightKg;
    }

    public void setLeanBodyWeightKg(@Nullable Double leanBodyWeightKg) {
        this.leanBodyWeightKg = leanBodyWeightKg;
    }

    public @Nullable Double getVwfIuPerDl() {
        return vwfIuPerDl;
    }

    public void setVwfIuPerDl(@Nullable Double vwfIuPerDl) {
        this.vwfIuPerDl = vwfIuPerDl;
    }

    public double getBaselineIuPerDl() {
        return baselineIuPerDl;
    }

    public void setBaselineIuPerDl(double baselineIuPerDl) {
        this.baselineIuPerDl = baselineIuPerDl;
    }

    public @Nullable LocalDateTime getDoseAt() {
        return doseAt;
    }

    public void setDoseAt(@Nullable LocalDateTime doseAt) {
        this.doseAt = doseAt;
    }

    public @Nullable Double getDoseIu() {
        return doseIu;
    }

    public void setDoseIu(@Nullable Double doseIu) {
        this.doseIu = doseIu;
    }

    public double getInfusionMinutes() {
        return infusionMinutes;
    }

    public void setInfusionMinutes(double infusionMinutes) {
        this.infusionMinutes = infusionMinutes;
    }

    public List<Sample> getSamples() {
        return samples;
    }

    public void setSamples(List<Sample> samples) {
        this.samples = samples;
    }

    public double getReportDoseIuPerKg() {
        return reportDoseIuPerKg;
    }

    public void setReportDoseIuPerKg(double reportDoseIuPerKg) {
        this.reportDoseIuPerKg = reportDoseIuPerKg;
    }

    public double getTargetTroughIuPerDl() {
        return targetTroughIuPerDl;
    }

    public void setTargetTroughIuPerDl(double targetTroughIuPerDl) {
        this.targetTroughIuPerDl = targetTroughIuPerDl;
    }

    public List<UUID> getInfusionIds() {
        return infusionIds;
    }

    public void setInfusionIds(List<UUID> infusionIds) {
        this.infusionIds = infusionIds;
    }

    public List<UUID> getFactorLevelIds() {
        return factorLevelIds;
    }

    public void setFactorLevelIds(List<UUID> factorLevelIds) {
        this.factorLevelIds = factorLevelIds;
    }
}
