package org.hemonet.fhir.internal;

import java.util.HashSet;
import java.util.Set;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedCorrection;
import org.hemonet.diary.BleedSite;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

/**
 * The bleed an Observation sent by {@code PUT /fhir/Observation/{id}} describes, as the diary's {@link BleedCorrection}
 * (docs/fhir.md, "Correcting a bleed"): the whole bleed as it should read, in the mapping {@link BleedObservations}
 * writes. An element left out means "none": no note, no days lost, cause unknown, joint not immobilised. The diary
 * cannot take a pain score away once given, so leaving out the pain of a bleed that has one is refused. Every refusal
 * is a 422 whose {@code issue.expression} names the element.
 */
final class BleedCorrections {

    private static final String COMPONENT = "Observation.component";

    private BleedCorrections() {}

    static BleedCorrection of(Observation resource, Bleed stored, int version, String reason) {
        Observation.ObservationStatus status = resource.getStatus();
        if (status != Observation.ObservationStatus.FINAL
                && status != Observation.ObservationStatus.AMENDED
                && status != Observation.ObservationStatus.CORRECTED) {
            throw FhirErrors.invalid(
                    "Observation.status",
                    "A corrected bleed is final or amended; a bleed entered in error is voided in the diary.");
        }
        boolean isBleed = resource.getCode().getCoding().stream()
                .anyMatch(c ->
                        (Terminology.OBSERVATION.url().equals(c.getSystem()) && Terminology.BLEED.equals(c.getCode()))
                                || (Terminology.SNOMED.equals(c.getSystem())
                                        && Terminology.BLEEDING_SNOMED.code().equals(c.getCode())));
        if (!isBleed) {
            throw FhirErrors.invalid(
                    "Observation.code", "A bleed keeps its code: " + Terminology.OBSERVATION.url() + "|bleed.");
        }
        if (!resource.hasEffectiveDateTimeType()
                || resource.getEffectiveDateTimeType().getValue() == null) {
            throw FhirErrors.invalid("Observation.effective", "Give effectiveDateTime: when the bleed started.");
        }
        BleedSite site = site(resource);
        BleedCause cause = BleedCause.UNKNOWN;
        Integer pain = null;
        boolean immobilising = false;
        int school = 0;
        int work = 0;
        Set<String> seen = new HashSet<>();
        for (Observation.ObservationComponentComponent component : resource.getComponent()) {
            String code = component.getCode().getCoding().stream()
                    .filter(c -> Terminology.OBSERVATION.url().equals(c.getSystem()))
                    .map(Coding::getCode)
                    .findFirst()
                    .orElse("");
            if (!seen.add(code)) {
                throw FhirErrors.invalid(COMPONENT, "Each component is given once: " + code + ".");
            }
            Type value = component.getValue();
            switch (code) {
                case "bleed-cause" -> cause = cause(value);
                case "bleed-site-kind" -> {
                    // derived from the site: it may be sent back as read, but it cannot contradict the site
                    if (!(value instanceof CodeableConcept kind)
                            || kind.getCoding().stream()
                                    .noneMatch(c -> Terminology.SITE_KIND.url().equals(c.getSystem())
                                            && Terminology.code(site.kind()).equals(c.getCode()))) {
                        throw FhirErrors.invalid(
                                path("bleed-site-kind"),
                                "The kind of site follows from bodySite: " + Terminology.code(site.kind()) + ".");
                    }
                }
                case "pain" -> pain = integer(value, "pain");
                case "joint-immobilising" -> {
                    if (!(value instanceof BooleanType flag) || flag.getValue() == null) {
                        throw FhirErrors.invalid(path("joint-immobilising"), "joint-immobilising is a boolean.");
                    }
                    immobilising = flag.getValue();
                }
                case "days-lost-school" -> school = integer(value, "days-lost-school");
                case "days-lost-work" -> work = integer(value, "days-lost-work");
                default ->
                    throw FhirErrors.invalid(
                            COMPONENT,
                            "Unknown component of a bleed: give its code in " + Terminology.OBSERVATION.url() + ".");
            }
        }
        if (pain == null && stored.pain() != null) {
            throw FhirErrors.invalid(
                    path("pain"), "A recorded pain score cannot be removed by a correction; give the pain (0–10).");
        }
        if (immobilising && !site.isJoint()) {
            throw FhirErrors.invalid(path("joint-immobilising"), "Only a joint bleed immobilises a joint.");
        }
        String note =
                resource.getNote().isEmpty() ? null : resource.getNoteFirstRep().getText();
        return new BleedCorrection(
                version,
                reason,
                resource.getEffectiveDateTimeType().getValue().toInstant(),
                site,
                cause,
                pain,
                immobilising,
                school,
                work,
                // the diary keeps the current value of a null; an empty note removes it
                note == null ? "" : note);
    }

    /** The FHIRPath of a bleed component, for {@code issue.expression}. */
    static String path(String component) {
        return COMPONENT + ".where(code.coding.code='" + component + "').value";
    }

    private static BleedSite site(Observation resource) {
        Coding coding = resource.getBodySite().getCoding().stream()
                .filter(c -> Terminology.BLEED_SITE.url().equals(c.getSystem()))
                .findFirst()
                .orElseThrow(() -> FhirErrors.invalid(
                        "Observation.bodySite", "Give the site coded in " + Terminology.BLEED_SITE.url() + "."));
        return enumOf(BleedSite.values(), coding.getCode(), "Observation.bodySite", "Unknown bleed site code.");
    }

    private static BleedCause cause(@Nullable Type value) {
        if (value instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                if (Terminology.BLEED_CAUSE.url().equals(coding.getSystem())) {
                    return enumOf(BleedCause.values(), coding.getCode(), path("bleed-cause"), "Unknown bleed cause.");
                }
            }
        }
        throw FhirErrors.invalid(path("bleed-cause"), "Give the cause coded in " + Terminology.BLEED_CAUSE.url() + ".");
    }

    private static int integer(@Nullable Type value, String component) {
        if (value instanceof IntegerType number && number.getValue() != null) {
            return number.getValue();
        }
        throw FhirErrors.invalid(path(component), component + " is an integer (valueInteger).");
    }

    private static <E extends Enum<E>> E enumOf(E[] values, @Nullable String code, String path, String message) {
        for (E value : values) {
            if (Terminology.code(value).equals(code)) {
                return value;
            }
        }
        throw FhirErrors.invalid(path, message);
    }
}
