package org.hemonet.pk.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hemonet.pk.Covariates;
import org.hemonet.pk.PkParameters;
import org.hemonet.shared.InvalidInputException;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.jspecify.annotations.Nullable;

/**
 * A validated population PK model: typical values as functions of the covariates, {@code Pᵢ = TV · e^(ηᵢ)} with {@code
 * η ~ N(0, Ω)}, and the residual error model (pk-models.md, "Individual (Bayesian MAP) estimation"). Immutable and
 * thread-safe. Volumes are held in dL and clearances in dL/h.
 */
public final class PopulationModel {

    /**
     * Parameter order of the arrays this class returns: CL, V1, then Q, V2 for two compartments and Q3, V3 for three.
     */
    static final List<String> PARAMETER_NAMES = List.of("CL", "V1", "Q", "V2", "Q3", "V3");

    private static final Map<String, Double> VOLUME_TO_DL = Map.of("mL", 0.01, "dL", 1.0, "L", 10.0);
    private static final Map<String, Double> FLOW_TO_DL_PER_H = Map.of("mL/h", 0.01, "dL/h", 1.0, "L/h", 10.0);

    private final String id;
    private final String name;
    private final String factor;
    private final String citation;
    private final List<String> molecules;
    private final List<String> studyProducts;
    private final @Nullable String unverified;
    private final int compartments;
    private final List<CovariateDefinition> covariates;
    private final List<TypicalValue> typicalValues;
    private final int[] etaParameter;
    private final List<String> etaNames;
    private final double[][] omega;
    private final double[][] omegaInverse;
    private final double[][] omegaCholesky;
    private final boolean residualSd;
    private final double residualAdditive;
    private final double residualProportional;
    private final boolean residualOnExogenous;

    private PopulationModel(ModelFile file, String fileName) {
        id = require(file.id(), "id", fileName);
        name = require(file.name(), "name", fileName);
        factor = require(file.factor(), "factor", fileName);
        citation = require(file.citation(), "citation", fileName);
        molecules = file.molecules() == null ? List.of() : List.copyOf(file.molecules());
        if (molecules.isEmpty() || molecules.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new ModelDefinitionException(
                    fileName, "molecules must list the INNs the model was fitted on (issue 20), was " + molecules);
        }
        studyProducts = file.studyProducts() == null ? List.of() : List.copyOf(file.studyProducts());
        unverified = file.unverified() == null || file.unverified().isBlank() ? null : file.unverified();
        Integer n = file.compartments();
        if (n == null || n < 1 || n > 3) {
            throw new ModelDefinitionException(fileName, "compartments must be 1, 2 or 3, was " + n);
        }
        compartments = n;
        covariates = covariates(file, fileName);
        typicalValues = typicalValues(file, fileName);
        List<ModelFile.Eta> etas = file.eta() == null ? List.of() : file.eta();
        etaParameter = new int[etas.size()];
        etaNames = new ArrayList<>();
        double[] sd = new double[etas.size()];
        for (int i = 0; i < etas.size(); i++) {
            ModelFile.Eta eta = etas.get(i);
            String parameter = eta.parameter();
            int index = parameter == null ? -1 : PARAMETER_NAMES.indexOf(parameter);
            if (index < 0 || index >= parameterCount()) {
                throw new ModelDefinitionException(fileName, "eta[" + i + "] names unknown parameter " + parameter);
            }
            if (etaNames.contains(parameter)) {
                throw new ModelDefinitionException(fileName, "eta[" + i + "] repeats parameter " + parameter);
            }
            Double omegaSd = eta.omega();
            if (omegaSd == null || !(omegaSd > 0) || Double.isInfinite(omegaSd)) {
                throw new ModelDefinitionException(
                        fileName, "eta[" + i + "] (" + parameter + ") omega must be a positive SD, was " + omegaSd);
            }
            notBlank(eta.source(), "eta[" + i + "].source", fileName);
            etaParameter[i] = index;
            etaNames.add(parameter);
            sd[i] = omegaSd;
        }
        if (etas.isEmpty()) {
            throw new ModelDefinitionException(fileName, "no eta: an individual estimate needs at least one");
        }
        omega = new double[sd.length][sd.length];
        for (int i = 0; i < sd.length; i++) {
            omega[i][i] = sd[i] * sd[i];
        }
        List<ModelFile.Correlation> correlations = file.correlations() == null ? List.of() : file.correlations();
        for (ModelFile.Correlation correlation : correlations) {
            List<String> between = correlation.between();
            Double r = correlation.r();
            notBlank(correlation.source(), "correlation source", fileName);
            if (between == null || between.size() != 2 || between.get(0).equals(between.get(1))) {
                throw new ModelDefinitionException(fileName, "a correlation must name two different parameters");
            }
            int a = etaNames.indexOf(between.get(0));
            int b = etaNames.indexOf(between.get(1));
            if (a < 0 || b < 0) {
                throw new ModelDefinitionException(
                        fileName, "correlation " + between + " names a parameter without eta");
            }
            if (r == null || !(r > -1 && r < 1)) {
                throw new ModelDefinitionException(
                        fileName, "correlation " + between + " must lie strictly between -1 and 1, was " + r);
            }
            omega[a][b] = r * sd[a] * sd[b];
            omega[b][a] = omega[a][b];
        }
        try {
            CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(omega));
            omegaCholesky = cholesky.getL().getData();
            omegaInverse = cholesky.getSolver().getInverse().getData();
        } catch (MathIllegalArgumentException e) {
            throw new ModelDefinitionException(
                    fileName,
                    "Omega (from the eta SDs and correlations) is not positive definite; Cholesky failed: "
                            + e.getMessage(),
                    e);
        }
        ModelFile.Residual residual = file.residual();
        if (residual == null) {
            throw new ModelDefinitionException(fileName, "residual is missing");
        }
        notBlank(residual.source(), "residual.source", fileName);
        String form = residual.form();
        if (!"combined-sd".equals(form) && !"combined-variance".equals(form)) {
            throw new ModelDefinitionException(
                    fileName, "residual.form must be combined-sd or combined-variance, was " + form);
        }
        residualSd = "combined-sd".equals(form);
        residualAdditive = nonNegative(residual.additive(), "residual.additive", fileName);
        residualProportional = nonNegative(residual.proportional(), "residual.proportional", fileName);
        if (residualAdditive == 0 && residualProportional == 0) {
            throw new ModelDefinitionException(
                    fileName, "residual error is zero: additive or proportional must be > 0");
        }
        String appliesTo = residual.appliesTo() == null ? "observed" : residual.appliesTo();
        if (!"observed".equals(appliesTo) && !"exogenous".equals(appliesTo)) {
            throw new ModelDefinitionException(
                    fileName, "residual.appliesTo must be observed or exogenous, was " + appliesTo);
        }
        residualOnExogenous = "exogenous".equals(appliesTo);
    }

    /** Validates a parsed model file; {@code fileName} names it in the messages. */
    static PopulationModel from(ModelFile file, String fileName) {
        return new PopulationModel(file, fileName);
    }

    private List<CovariateDefinition> covariates(ModelFile file, String fileName) {
        List<CovariateDefinition> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ModelFile.Covariate c : file.covariates() == null ? List.<ModelFile.Covariate>of() : file.covariates()) {
            String covariate = require(c.name(), "covariates[].name", fileName);
            if (!seen.add(covariate)) {
                throw new ModelDefinitionException(fileName, "covariate " + covariate + " is declared twice");
            }
            if (c.levels() != null) {
                if (c.levels().isEmpty()) {
                    throw new ModelDefinitionException(
                            fileName, "categorical covariate " + covariate + " has no levels");
                }
                result.add(new CovariateDefinition(
                        covariate, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.copyOf(c.levels())));
            } else {
                if (c.min() == null || c.max() == null || !(c.min() < c.max())) {
                    throw new ModelDefinitionException(
                            fileName, "continuous covariate " + covariate + " needs min < max (its accepted range)");
                }
                double studiedMin = c.studiedMin() == null ? c.min() : c.studiedMin();
                double studiedMax = c.studiedMax() == null ? c.max() : c.studiedMax();
                if (!(studiedMin <= studiedMax)) {
                    throw new ModelDefinitionException(
                            fileName, "continuous covariate " + covariate + " needs studiedMin ≤ studiedMax");
                }
                result.add(
                        new CovariateDefinition(covariate, c.unit(), c.min(), c.max(), studiedMin, studiedMax, null));
            }
        }
        return List.copyOf(result);
    }

    private List<TypicalValue> typicalValues(ModelFile file, String fileName) {
        Map<String, ModelFile.Parameter> parameters = file.parameters() == null ? Map.of() : file.parameters();
        List<String> expected = PARAMETER_NAMES.subList(0, 2 * compartments);
        for (String given : parameters.keySet()) {
            if (!expected.contains(given)) {
                throw new ModelDefinitionException(
                        fileName,
                        "parameter " + given + " is not one of " + expected + " for a " + compartments
                                + "-compartment model");
            }
        }
        List<TypicalValue> result = new ArrayList<>();
        for (String parameter : expected) {
            ModelFile.Parameter definition = parameters.get(parameter);
            if (definition == null) {
                throw new ModelDefinitionException(fileName, "parameter " + parameter + " is missing");
            }
            boolean volume = parameter.startsWith("V");
            Double typical = definition.typical();
            if (typical == null || !(typical > 0) || Double.isInfinite(typical)) {
                throw new ModelDefinitionException(
                        fileName,
                        (volume ? "volume " : "clearance ") + parameter + " must be positive, typical value was "
                                + typical);
            }
            Map<String, Double> units = volume ? VOLUME_TO_DL : FLOW_TO_DL_PER_H;
            Double toDl = definition.unit() == null ? null : units.get(definition.unit());
            if (toDl == null) {
                throw new ModelDefinitionException(
                        fileName,
                        "parameter " + parameter + " has unit " + definition.unit() + ", expected one of "
                                + units.keySet());
            }
            notBlank(definition.source(), "parameter " + parameter + ": source", fileName);
            List<Effect> effects = new ArrayList<>();
            List<ModelFile.Effect> declared = definition.effects() == null ? List.of() : definition.effects();
            for (ModelFile.Effect effect : declared) {
                effects.add(effect(parameter, effect, fileName));
            }
            result.add(new TypicalValue(parameter, typical * toDl, List.copyOf(effects)));
        }
        return List.copyOf(result);
    }

    private Effect effect(String parameter, ModelFile.Effect effect, String fileName) {
        String where = "effect on " + parameter;
        String type = require(effect.type(), where + ": type", fileName);
        notBlank(effect.source(), where + ": source", fileName);
        String covariateName = require(effect.covariate(), where + ": covariate", fileName);
        CovariateDefinition covariate = covariates.stream()
                .filter(c -> c.name().equals(covariateName))
                .findFirst()
                .orElseThrow(() ->
                        new ModelDefinitionException(fileName, where + " uses undeclared covariate " + covariateName));
        switch (type) {
            case "power", "linear", "exponential" -> {
                if (covariate.categorical()) {
                    throw new ModelDefinitionException(
                            fileName, where + ": a " + type + " effect needs a continuous covariate");
                }
                double reference = finite(effect.reference(), where + ": reference", fileName);
                double value = finite(
                        switch (type) {
                            case "power" -> effect.exponent();
                            case "linear" -> effect.slope();
                            default -> effect.coefficient();
                        },
                        where + ": "
                                + ("power".equals(type) ? "exponent" : "linear".equals(type) ? "slope" : "coefficient"),
                        fileName);
                if ("power".equals(type) && !(reference > 0)) {
                    throw new ModelDefinitionException(fileName, where + ": power reference must be positive");
                }
                return new Effect(type, covariateName, reference, value, null);
            }
            case "categorical" -> {
                if (!covariate.categorical()) {
                    throw new ModelDefinitionException(
                            fileName, where + ": a categorical effect needs a categorical covariate");
                }
                if (effect.level() == null || !covariate.levels().contains(effect.level())) {
                    throw new ModelDefinitionException(
                            fileName, where + ": level " + effect.level() + " is not one of " + covariate.levels());
                }
                return new Effect(
                        type,
                        covariateName,
                        0,
                        finite(effect.coefficient(), where + ": coefficient", fileName),
                        effect.level());
            }
            default ->
                throw new ModelDefinitionException(
                        fileName,
                        where + ": unknown effect type " + type + " (power, linear, exponential, categorical)");
        }
    }

    /**
     * Typical values for the covariates, in the order of {@link #PARAMETER_NAMES}, in dL and dL/h.
     *
     * @throws InvalidInputException naming {@code covariates.<name>} when a covariate is missing, of the wrong kind,
     *     outside its accepted range, or makes a typical value non-positive
     */
    public double[] typical(Covariates given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CovariateDefinition covariate : covariates) {
            values.put(covariate.name(), covariate.check(given.get(covariate.name()), id));
        }
        double[] result = new double[typicalValues.size()];
        for (int i = 0; i < result.length; i++) {
            TypicalValue tv = typicalValues.get(i);
            double value = tv.typicalDl();
            for (Effect effect : tv.effects()) {
                double factorValue = effect.factor(values.get(effect.covariate()));
                if (!(factorValue > 0) || Double.isInfinite(factorValue)) {
                    throw new InvalidInputException(
                            "covariates." + effect.covariate(),
                            "With " + effect.covariate() + " = " + values.get(effect.covariate()) + " the model " + id
                                    + " gives a non-positive " + tv.parameter()
                                    + "; the value is outside the model's range");
                }
                value *= factorValue;
            }
            result[i] = value;
        }
        return result;
    }

    /**
     * Warnings for covariates outside the range the model was developed on (accepted, but the model extrapolates);
     * call after {@link #typical} has accepted them.
     */
    public List<String> extrapolationWarnings(Covariates given) {
        List<String> warnings = new ArrayList<>();
        for (CovariateDefinition covariate : covariates) {
            if (!covariate.categorical() && given.get(covariate.name()) instanceof Number number) {
                double x = number.doubleValue();
                if (x < covariate.studiedMin() || x > covariate.studiedMax()) {
                    String unit = covariate.unit() == null ? "" : " " + covariate.unit();
                    warnings.add(covariate.name() + " = " + x + unit + " lies outside the range studied for " + id
                            + " (" + covariate.studiedMin() + "–" + covariate.studiedMax() + unit
                            + "): the model extrapolates");
                }
            }
        }
        return warnings;
    }

    /** Individual parameters {@code TV · e^η} in the order of {@link #PARAMETER_NAMES}. */
    public double[] individual(double[] typical, double[] eta) {
        double[] result = typical.clone();
        for (int i = 0; i < etaParameter.length; i++) {
            result[etaParameter[i]] *= Math.exp(eta[i]);
        }
        return result;
    }

    public static PkParameters toParameters(double[] values) {
        return switch (values.length) {
            case 2 -> PkParameters.oneCompartment(values[0], values[1]);
            case 4 -> PkParameters.twoCompartment(values[0], values[1], values[2], values[3]);
            default -> new PkParameters(values[0], values[1], values[2], values[3], values[4], values[5]);
        };
    }

    public static Disposition disposition(double[] values) {
        return switch (values.length) {
            case 2 -> Disposition.oneCompartment(values[0], values[1]);
            case 4 -> Disposition.twoCompartment(values[0], values[1], values[2], values[3]);
            default -> Disposition.threeCompartment(values[0], values[1], values[2], values[3], values[4], values[5]);
        };
    }

    /**
     * Residual variance σ² of an observation whose prediction is {@code observed} (exogenous plus baseline), of which
     * {@code exogenous} is the infused factor; the model file says which one the error scales with.
     */
    public double residualVariance(double observed, double exogenous) {
        double f = residualOnExogenous ? exogenous : observed;
        if (residualSd) {
            double sd = residualAdditive + residualProportional * f;
            return sd * sd;
        }
        double proportional = residualProportional * f;
        return residualAdditive * residualAdditive + proportional * proportional;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String factor() {
        return factor;
    }

    public String citation() {
        return citation;
    }

    /** The INNs (catalogue generic names) the model was fitted on. */
    public List<String> molecules() {
        return molecules;
    }

    /** Whether the model was fitted on this molecule (catalogue generic name, compared ignoring case). */
    public boolean fittedOn(String genericName) {
        return molecules.stream().anyMatch(m -> m.equalsIgnoreCase(genericName.strip()));
    }

    /** Brand names of the products in the model's study. */
    public List<String> studyProducts() {
        return studyProducts;
    }

    /** What has not been checked against the source, or null when every number is verified. */
    public @Nullable String unverified() {
        return unverified;
    }

    public int compartments() {
        return compartments;
    }

    public int parameterCount() {
        return 2 * compartments;
    }

    public int etaCount() {
        return etaParameter.length;
    }

    /** The parameter each η acts on, e.g. {@code [CL, V1, V2]}. */
    public List<String> etaNames() {
        return List.copyOf(etaNames);
    }

    public List<String> covariateNames() {
        return covariates.stream().map(CovariateDefinition::name).toList();
    }

    double[][] omega() {
        return deepCopy(omega);
    }

    double[][] omegaInverse() {
        return deepCopy(omegaInverse);
    }

    /** Lower-triangular L with {@code L·Lᵀ = Ω}. */
    double[][] omegaCholesky() {
        return deepCopy(omegaCholesky);
    }

    private static double[][] deepCopy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    private static String require(@Nullable String value, String field, String fileName) {
        if (value == null || value.isBlank()) {
            throw new ModelDefinitionException(fileName, field + " is missing");
        }
        return value;
    }

    /** A {@code source} may be absent (older files) but, when given, must say something. */
    private static void notBlank(@Nullable String source, String field, String fileName) {
        if (source != null && source.isBlank()) {
            throw new ModelDefinitionException(fileName, field + " is blank: name the paper and table");
        }
    }

    private static double nonNegative(@Nullable Double value, String field, String fileName) {
        if (value == null || !(value >= 0) || Double.isInfinite(value)) {
            throw new ModelDefinitionException(fileName, field + " must be a non-negative number, was " + value);
        }
        return value;
    }

    private static double finite(@Nullable Double value, String field, String fileName) {
        if (value == null || !Double.isFinite(value)) {
            throw new ModelDefinitionException(fileName, field + " must be a finite number, was " + value);
        }
        return value;
    }

    private record CovariateDefinition(
            String name,
            @Nullable String unit,
            double min,
            double max,
            double studiedMin,
            double studiedMax,
            @Nullable List<String> levels) {

        boolean categorical() {
            return levels != null;
        }

        Object check(@Nullable Object value, String model) {
            String field = "covariates." + name;
            if (value == null) {
                throw new InvalidInputException(field, name + " is required by the model " + model);
            }
            if (levels != null) {
                String level = value.toString().toUpperCase(Locale.ROOT);
                if (!levels.contains(level)) {
                    throw new InvalidInputException(field, name + " must be one of " + levels + ", was " + value);
                }
                return level;
            }
            if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new InvalidInputException(
                        field, name + " must be a number" + (unit == null ? "" : " in " + unit));
            }
            double x = number.doubleValue();
            if (x < min || x > max) {
                throw new InvalidInputException(
                        field,
                        name + " must be between " + min + " and " + max + (unit == null ? "" : " " + unit) + ", was "
                                + x);
            }
            return x;
        }
    }

    private record TypicalValue(String parameter, double typicalDl, List<Effect> effects) {}

    private record Effect(String type, String covariate, double reference, double value, @Nullable String level) {

        double factor(@Nullable Object covariateValue) {
            return switch (type) {
                case "power" -> Math.pow(((Double) covariateValue) / reference, value);
                case "linear" -> 1 + value * (((Double) covariateValue) - reference);
                case "exponential" -> Math.exp(value * (((Double) covariateValue) - reference));
                default -> level != null && level.equals(covariateValue) ? Math.exp(value) : 1;
            };
        }
    }
}
