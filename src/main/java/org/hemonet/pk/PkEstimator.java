package org.hemonet.pk;

import java.time.Instant;
import java.util.List;
import org.hemonet.pk.internal.Disposition;
import org.hemonet.pk.internal.ModelCatalogue;
import org.hemonet.pk.internal.PopulationModel;
import org.hemonet.pk.internal.Regimens;
import org.hemonet.pk.internal.StudyEstimation;
import org.hemonet.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The API of the {@code pk} module: individual PK estimates from a PK study, the level at any instant from logged
 * doses ("estimated level now"), and dose regimens for a target trough (issue 7, pk-models.md). Pure computation, no
 * database; thread-safe.
 *
 * <p>The models load from {@code pk/models/*.json} when this bean is created; an inconsistent model file stops the
 * application start with a message naming the file.
 */
@Service
public class PkEstimator {

    private final ModelCatalogue models;

    public PkEstimator() {
        this(ModelCatalogue.fromClasspath());
    }

    PkEstimator(ModelCatalogue models) {
        this.models = models;
    }

    /** The available models. */
    public List<PkModelSummary> models() {
        return models.all().stream()
                .map(m -> new PkModelSummary(
                        m.id(),
                        m.name(),
                        m.factor(),
                        m.citation(),
                        m.molecules(),
                        m.studyProducts(),
                        m.unverified(),
                        m.compartments(),
                        m.covariateNames(),
                        m.etaNames()))
                .toList();
    }

    /** The model with this id, if there is one. */
    public java.util.Optional<PkModelSummary> summary(String id) {
        return models().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * Why a product of this generic name may not name the model as its {@code pkModelId}, or null when the model was
     * fitted on the molecule (issue 20: never a model applied outside the products it was fitted on).
     */
    public @org.jspecify.annotations.Nullable String refusal(String modelId, String genericName) {
        PopulationModel model = models.find(modelId).orElse(null);
        if (model == null) {
            return "There is no PK model " + modelId + "; available: "
                    + models.all().stream().map(PopulationModel::id).toList() + ".";
        }
        if (!model.fittedOn(genericName)) {
            return "The PK model " + modelId + " was not fitted on " + genericName + " (it was fitted on "
                    + String.join(", ", model.molecules())
                    + "). Name a model fitted on the product's molecule, or none: the product then shows that it has"
                    + " no validated PK model.";
        }
        return null;
    }

    /**
     * Bayesian MAP estimate of the patient's PK from the study; the population typical values when no sample is
     * usable.
     *
     * @throws InvalidInputException naming the field at fault (e.g. {@code samples[0].at}, {@code model},
     *     {@code covariates.weightKg})
     */
    public PkEstimate estimate(PkStudy study) {
        return StudyEstimation.estimate(model(study.model()), study);
    }

    /** The population typical parameters for the covariates. */
    public PkParameters typicalParameters(String model, Covariates covariates) {
        return PopulationModel.toParameters(model(model).typical(covariates));
    }

    /** Individual parameters {@code TV · e^η} for the covariates and an η from an earlier estimate. */
    public PkParameters individualParameters(String model, Covariates covariates, List<Double> eta) {
        PopulationModel population = model(model);
        if (eta.size() != population.etaCount()) {
            throw new InvalidInputException(
                    "eta", "The model " + model + " has " + population.etaCount() + " η, " + eta.size() + " given");
        }
        double[] values = eta.stream().mapToDouble(Double::doubleValue).toArray();
        return PopulationModel.toParameters(population.individual(population.typical(covariates), values));
    }

    /**
     * The level (IU/dL) at {@code at}: the endogenous baseline plus the superposed residue of every dose started at or
     * before it. Used for the patient's "estimated level now" from logged infusions.
     */
    public double levelAt(Instant at, List<Dose> doses, PkParameters parameters, double baselineIuPerDl) {
        Disposition disposition = Disposition.of(parameters);
        double level = baselineIuPerDl;
        for (Dose dose : doses) {
            if (!dose.at().isAfter(at)) {
                double hours = java.time.Duration.between(dose.at(), at).toMillis() / 3.6e6;
                level += disposition.level(dose.iu(), dose.infusionMinutes() / 60, hours);
            }
        }
        return level;
    }

    /** Terminal half-life (h) of a set of parameters. */
    public double halfLifeHours(PkParameters parameters) {
        return Disposition.of(parameters).terminalHalfLifeHours();
    }

    /** The dose for the target trough under each schedule, rounded up to vials, with weekly IU and cost. */
    public RegimenComparison regimens(RegimenQuestion question) {
        return Regimens.propose(model(question.model()), question);
    }

    private PopulationModel model(String id) {
        return models.find(id)
                .orElseThrow(() -> new InvalidInputException(
                        "model",
                        "Unknown PK model " + id + "; available: "
                                + models.all().stream().map(PopulationModel::id).toList()));
    }
}
