package org.hemonet.fhir.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.InfusionReason;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Severity;
import org.hemonet.product.ProductClass;
import org.jspecify.annotations.Nullable;

/**
 * Every system and code the FHIR facade writes (docs/fhir.md lists them all): standard ones (SNOMED CT, LOINC, ATC,
 * UCUM, HL7 terminology) where they exist, and Hemonet's own code systems, published under {@code /fhir/CodeSystem},
 * where they do not. The names of Hemonet codes are derived from stored enum names and so never change.
 */
final class Terminology {

    private Terminology() {}

    static final String BASE = "https://hemonet.org/fhir";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String ATC = "http://www.whocc.no/atc";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String RFC3986 = "urn:ietf:rfc:3986";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

    /** Identifier systems of Hemonet's own ids. */
    static final String PRODUCT_ID = BASE + "/sid/product";

    static final String CENTRE_CODE = BASE + "/sid/centre-code";

    static String nationalIdSystem(String scheme) {
        return "NHS".equals(scheme) ? NHS_NUMBER : BASE + "/sid/national-id/" + scheme.toLowerCase(Locale.ROOT);
    }

    static String mrnSystem(java.util.UUID centreId) {
        return BASE + "/sid/centre/" + centreId + "/mrn";
    }

    /** A code of a code system, with its display. */
    record Code(String system, String code, String display) {}

    /** One of Hemonet's code systems: its id under {@code /fhir/CodeSystem}, title, description and concepts. */
    record HemonetCodeSystem(String id, String name, String title, String description, List<Code> concepts) {

        String url() {
            return BASE + "/CodeSystem/" + id;
        }

        Optional<Code> find(String code) {
            return concepts.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }

    /** An enum constant as a Hemonet code: {@code LEFT_ANKLE} → {@code left-ankle}, display "Left ankle". */
    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String display(Enum<?> value) {
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static <E extends Enum<E>> HemonetCodeSystem of(
            String id, String name, String title, String description, E[] values) {
        String url = BASE + "/CodeSystem/" + id;
        List<Code> concepts = java.util.Arrays.stream(values)
                .map(v -> new Code(url, code(v), display(v)))
                .toList();
        return new HemonetCodeSystem(id, name, title, description, concepts);
    }

    static final HemonetCodeSystem INFUSION_REASON = of(
            "infusion-reason",
            "HemonetInfusionReason",
            "Hemonet infusion reason",
            "Why an infusion was given (clinical.md §4: factor use by reason).",
            InfusionReason.values());

    static final HemonetCodeSystem BLEED_SITE = of(
            "bleed-site",
            "HemonetBleedSite",
            "Hemonet bleed site",
            "Where a bleed is, left and right separate; the twelve major joints are those of the ISTH target-joint"
                    + " definition (docs/diary.md).",
            BleedSite.values());

    static final HemonetCodeSystem DIAGNOSIS = of(
            "diagnosis",
            "HemonetDiagnosis",
            "Hemonet bleeding disorder diagnosis",
            "The bleeding disorders the registry holds (clinical.md §1). Haemophilia A and B and von Willebrand"
                    + " disease are also coded in SNOMED CT.",
            DiagnosisType.values());

    static final HemonetCodeSystem SEVERITY = of(
            "severity",
            "HemonetSeverity",
            "Hemonet haemophilia severity",
            "Severity of haemophilia derived from the baseline factor level by the ISTH bands, including the carrier"
                    + " bands for women and girls (van Galen et al. 2021). Severe, moderate and mild are also coded in"
                    + " SNOMED CT.",
            Severity.values());

    static final HemonetCodeSystem PRODUCT_CLASS = of(
            "product-class",
            "HemonetProductClass",
            "Hemonet product class",
            "What a product of the catalogue is, clinically: factor, half-life class and source.",
            ProductClass.values());

    static final HemonetCodeSystem CENTRE_TYPE = of(
            "centre-type",
            "HemonetCentreType",
            "Hemonet centre type",
            "Comprehensive care centre or haemophilia centre.",
            org.hemonet.centre.CentreType.values());

    static final HemonetCodeSystem ERROR = new HemonetCodeSystem(
            "error",
            "HemonetError",
            "Hemonet FHIR error",
            "Stable codes in OperationOutcome.issue.details of every error the FHIR API answers with (docs/fhir.md).",
            errorCodes());

    private static List<Code> errorCodes() {
        String url = BASE + "/CodeSystem/error";
        return List.of(
                new Code(url, "unauthorized", "No bearer token, or a refused one"),
                new Code(url, "forbidden", "The token's scopes or the account's role do not allow this request"),
                new Code(url, "not-found", "Unknown id, or a record the caller may not see"),
                new Code(url, "gone", "The record was voided"),
                new Code(url, "invalid-input", "A field of the request is wrong"),
                new Code(url, "conflict", "The request conflicts with stored data"),
                new Code(url, "precondition-required", "An update must name the version it changes (If-Match)"),
                new Code(url, "not-supported", "The interaction or parameter is not supported"),
                new Code(url, "internal-error", "An unexpected server error"));
    }

    static final HemonetCodeSystem BLEED_CAUSE = of(
            "bleed-cause",
            "HemonetBleedCause",
            "Hemonet bleed cause",
            "Why a bleed happened (clinical.md §3).",
            org.hemonet.diary.BleedCause.values());

    static final HemonetCodeSystem SITE_KIND = of(
            "bleed-site-kind",
            "HemonetBleedSiteKind",
            "Hemonet bleed site kind",
            "Whether a bleed is in a major joint, a muscle or elsewhere (clinical.md §3).",
            org.hemonet.diary.SiteKind.values());

    static final HemonetCodeSystem TEAM_ROLE = of(
            "team-role",
            "HemonetTeamRole",
            "Hemonet centre team role",
            "Roles on a centre's roster; haematologist, nurse coordinator, physiotherapist and social worker make the"
                    + " core team (clinical.md §7).",
            org.hemonet.centre.TeamRole.values());

    static final HemonetCodeSystem ADVERSE_EVENT_CATEGORY = of(
            "adverse-event-category",
            "HemonetAdverseEventCategory",
            "Hemonet adverse event category",
            "EUHASS-style categories of an adverse event (clinical.md §9).",
            org.hemonet.safety.AdverseEventCategory.values());

    /** The codes of Observations that have no LOINC code: bleeds and HJHS 2.1 (docs/fhir.md says why). */
    static final HemonetCodeSystem OBSERVATION = new HemonetCodeSystem(
            "observation",
            "HemonetObservation",
            "Hemonet observation",
            "Observations without a standard code: a bleed logged in the diary and the Haemophilia Joint Health Score"
                    + " 2.1 (clinical.md §3, §4) with its components.",
            observationCodes());

    /** The kinds of contact the registry holds (registry.md), for RelatedPerson.relationship. */
    static final HemonetCodeSystem CONTACT_KIND = new HemonetCodeSystem(
            "contact-kind",
            "HemonetContactKind",
            "Hemonet contact kind",
            "Why the registry holds a person's contact details: a guardian of a child, the next of kin, or another"
                    + " contact.",
            List.of(
                    new Code(BASE + "/CodeSystem/contact-kind", "guardian", "Guardian"),
                    new Code(BASE + "/CodeSystem/contact-kind", "next-of-kin", "Next of kin"),
                    new Code(BASE + "/CodeSystem/contact-kind", "other", "Other contact")));

    /** The contact-kind code of the registry's stored kind ({@code GUARDIAN}, {@code NEXT_OF_KIN}, {@code OTHER}). */
    static Code contactKind(String stored) {
        return CONTACT_KIND
                .find(stored.toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElseGet(() -> CONTACT_KIND.find("other").orElseThrow());
    }

    static final String BLEED = "bleed";
    static final String HJHS = "hjhs";
    static final String HJHS_GAIT = "hjhs-gait";

    /** The component code of an HJHS joint total: {@code hjhs-left-knee}. */
    static String hjhsJoint(org.hemonet.outcome.HjhsJoint joint) {
        return "hjhs-" + code(joint);
    }

    private static List<Code> observationCodes() {
        String url = BASE + "/CodeSystem/observation";
        List<Code> codes = new java.util.ArrayList<>();
        codes.add(new Code(url, BLEED, "Bleed"));
        codes.add(new Code(url, "bleed-cause", "Cause of the bleed"));
        codes.add(new Code(url, "bleed-site-kind", "Joint, muscle or other bleed"));
        codes.add(new Code(url, "pain", "Pain score (0 to 10)"));
        codes.add(new Code(url, "joint-immobilising", "Bleed immobilised the joint"));
        codes.add(new Code(url, "days-lost-school", "Days of school lost"));
        codes.add(new Code(url, "days-lost-work", "Days of work lost"));
        codes.add(new Code(url, HJHS, "Haemophilia Joint Health Score 2.1, total"));
        for (org.hemonet.outcome.HjhsJoint joint : org.hemonet.outcome.HjhsJoint.values()) {
            codes.add(new Code(
                    url,
                    hjhsJoint(joint),
                    "HJHS 2.1 joint total, " + display(joint).toLowerCase(Locale.ROOT)));
        }
        codes.add(new Code(url, HJHS_GAIT, "HJHS 2.1 global gait score"));
        return List.copyOf(codes);
    }

    static Code observation(String code) {
        return OBSERVATION.find(code).orElseThrow();
    }

    /** The Hemonet code of an enum constant in {@code system}, as a Coding. */
    static org.hl7.fhir.r4.model.Coding coding(HemonetCodeSystem system, Enum<?> value) {
        Code c = system.find(code(value)).orElseThrow();
        return new org.hl7.fhir.r4.model.Coding(c.system(), c.code(), c.display());
    }

    static org.hl7.fhir.r4.model.Coding coding(Code c) {
        return new org.hl7.fhir.r4.model.Coding(c.system(), c.code(), c.display());
    }

    static final List<HemonetCodeSystem> CODE_SYSTEMS = List.of(
            INFUSION_REASON,
            BLEED_SITE,
            DIAGNOSIS,
            SEVERITY,
            PRODUCT_CLASS,
            CENTRE_TYPE,
            ERROR,
            BLEED_CAUSE,
            SITE_KIND,
            TEAM_ROLE,
            ADVERSE_EVENT_CATEGORY,
            OBSERVATION,
            CONTACT_KIND);

    /** SNOMED CT: bleeding (finding), the general concept a diary bleed is an instance of. */
    static final Code BLEEDING_SNOMED = new Code(SNOMED, "131148009", "Bleeding");

    static final String DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    static final String PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

    /** SNOMED CT codes of the diagnoses that have one. */
    static final Map<DiagnosisType, Code> DIAGNOSIS_SNOMED = Map.of(
            DiagnosisType.HEMOPHILIA_A, new Code(SNOMED, "28293008", "Hereditary factor VIII deficiency disease"),
            DiagnosisType.HEMOPHILIA_B, new Code(SNOMED, "41788008", "Hereditary factor IX deficiency disease"),
            DiagnosisType.VON_WILLEBRAND_DISEASE, new Code(SNOMED, "128105004", "Von Willebrand disorder"));

    /** SNOMED CT severity qualifiers (the Condition.severity value set of FHIR R4) for the ISTH bands. */
    static final Map<Severity, Code> SEVERITY_SNOMED = Map.of(
            Severity.SEVERE, new Code(SNOMED, "24484000", "Severe"),
            Severity.MODERATE, new Code(SNOMED, "6736007", "Moderate"),
            Severity.MILD, new Code(SNOMED, "255604002", "Mild"));

    /** LOINC codes of factor activity, by the registry's factor name. */
    static final Map<String, Code> FACTOR_ACTIVITY = Map.of(
            "FVIII",
                    new Code(
                            LOINC,
                            "3209-4",
                            "Coagulation factor VIII activity [Units/volume] in Platelet poor plasma by Coagulation"
                                    + " assay"),
            "FIX",
                    new Code(
                            LOINC,
                            "3187-2",
                            "Coagulation factor IX activity [Units/volume] in Platelet poor plasma by Coagulation"
                                    + " assay"));

    /** LOINC codes of inhibitor titres (Bethesda), by factor. */
    static final Map<String, Code> INHIBITOR_TITRE = Map.of(
            "FVIII",
                    new Code(
                            LOINC,
                            "3204-5",
                            "Coagulation factor VIII inhibitor [Units/volume] in Platelet poor plasma by Coagulation"
                                    + " assay"),
            "FIX",
                    new Code(
                            LOINC,
                            "3185-6",
                            "Coagulation factor IX inhibitor [Units/volume] in Platelet poor plasma by Coagulation"
                                    + " assay"));

    /** ATC codes by product class, where the WHO ATC index has one. */
    static @Nullable Code atc(ProductClass productClass) {
        return switch (productClass) {
            case FVIII_RECOMBINANT_STANDARD, FVIII_RECOMBINANT_EXTENDED, FVIII_PLASMA_DERIVED ->
                new Code(ATC, "B02BD02", "coagulation factor VIII");
            case FIX_RECOMBINANT_STANDARD, FIX_RECOMBINANT_EXTENDED, FIX_PLASMA_DERIVED ->
                new Code(ATC, "B02BD04", "coagulation factor IX");
            case BYPASSING_APCC -> new Code(ATC, "B02BD03", "factor VIII inhibitor bypassing activity");
            case BYPASSING_RFVIIA -> new Code(ATC, "B02BD08", "eptacog alfa (activated)");
            case EMICIZUMAB -> new Code(ATC, "B02BX06", "emicizumab");
            case VWF_CONCENTRATE -> new Code(ATC, "B02BD10", "von Willebrand factor");
            case FIBRINOGEN_CONCENTRATE -> new Code(ATC, "B02BB01", "fibrinogen, human");
            // issue 21: a class of several molecules, each with its own ATC code; no class-level code to give
            case GENE_THERAPY_FVIII, GENE_THERAPY_FIX, ANTI_TFPI, ANTITHROMBIN_LOWERING -> null;
        };
    }
}
