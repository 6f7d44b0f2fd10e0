package org.hemonet.survey.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.survey.AnswerOption;
import org.hemonet.survey.Domain;
import org.hemonet.survey.Instrument;
import org.hemonet.survey.InstrumentItem;
import org.hemonet.survey.ItemType;
import org.hemonet.survey.ScoringMethod;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates an instrument definition (docs/surveys.md "Instrument definitions"): the files shipped under
 * {@code survey/instruments/}, a definition a centre loads, and the definitions stored in {@code survey.instrument}.
 * Every fault is an {@link InvalidInputException} naming the field, e.g. {@code definition.items[3].linkId}.
 */
public final class InstrumentDefinitions {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final Pattern LINK_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Set<String> TOP =
            Set.of("id", "version", "title", "description", "copyright", "answerScales", "domains", "items");
    private static final Set<String> IGNORED_TOP = Set.of("source", "centreId");
    private static final Set<String> ITEM = Set.of(
            "linkId",
            "text",
            "section",
            "type",
            "required",
            "answerOptions",
            "answerScale",
            "minValue",
            "maxValue",
            "lowAnchor",
            "highAnchor",
            "notApplicable",
            "domain",
            "reverse");
    private static final Set<String> DOMAIN = Set.of("id", "title", "method", "minAnswered", "higherIsBetter");

    private InstrumentDefinitions() {}

    /**
     * Parses a definition. {@code version} replaces a missing version (a centre's upload); field names in errors start
     * with {@code prefix} (e.g. {@code definition}).
     */
    public static Instrument parse(
            @Nullable JsonNode node, String prefix, @Nullable Integer version, String source, @Nullable UUID centreId) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(prefix, "An instrument definition is a JSON object.");
        }
        unknown(node, TOP, IGNORED_TOP, prefix);
        String id = text(node, "id", prefix, 63, true);
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException(
                    prefix + ".id", "Lower-case letters, digits and hyphens, 2 to 63 characters.");
        }
        int v = node.has("version") && !node.get("version").isNull()
                ? integer(node, "version", prefix)
                : version == null ? 1 : version;
        if (v < 1 || v > 1000) {
            throw new InvalidInputException(prefix + ".version", "A version is from 1 to 1000.");
        }
        String title = text(node, "title", prefix, 200, true);
        String description = text(node, "description", prefix, 2000, false);
        String copyright = text(node, "copyright", prefix, 1000, false);
        Map<String, List<AnswerOption>> scales = scales(node.get("answerScales"), prefix + ".answerScales");
        List<Domain> domainsGiven = new ArrayList<>();
        JsonNode domains = node.get("domains");
        if (domains != null && !domains.isNull()) {
            if (!domains.isArray()) {
                throw new InvalidInputException(prefix + ".domains", "A list of domains.");
            }
            for (int i = 0; i < domains.size(); i++) {
                domainsGiven.add(domain(domains.get(i), prefix + ".domains[" + i + "]"));
            }
        }
        JsonNode items = node.get("items");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > 200) {
            throw new InvalidInputException(prefix + ".items", "A list of 1 to 200 items.");
        }
        Set<String> domainIds = new HashSet<>();
        for (int i = 0; i < domainsGiven.size(); i++) {
            if (!domainIds.add(domainsGiven.get(i).id())) {
                throw new InvalidInputException(prefix + ".domains[" + i + "].id", "Two domains have this id.");
            }
        }
        List<InstrumentItem> parsed = new ArrayList<>();
        Set<String> linkIds = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String field = prefix + ".items[" + i + "]";
            InstrumentItem item = item(items.get(i), field, scales, domainIds);
            if (!linkIds.add(item.linkId())) {
                throw new InvalidInputException(field + ".linkId", "Two items have this linkId.");
            }
            parsed.add(item);
        }
        List<Domain> finished = new ArrayList<>();
        for (int i = 0; i < domainsGiven.size(); i++) {
            Domain d = domainsGiven.get(i);
            long count =
                    parsed.stream().filter(it -> d.id().equals(it.domain())).count();
            if (count == 0) {
                throw new InvalidInputException(prefix + ".domains[" + i + "]", "No item counts towards this domain.");
            }
            int min = d.minAnswered() > 0
                    ? d.minAnswered()
                    : d.method() == ScoringMethod.SUM ? (int) count : (int) ((count + 1) / 2);
            if (min > count) {
                throw new InvalidInputException(
                        prefix + ".domains[" + i + "].minAnswered", "More than the domain's " + count + " items.");
            }
            finished.add(new Domain(d.id(), d.title(), d.method(), min, d.higherIsBetter()));
        }
        return new Instrument(id, v, title, description, source, centreId, copyright, parsed, finished);
    }

    /** The stored form of an instrument: a definition {@link #parse} reads back as the same instrument. */
    public static String toJson(Instrument instrument) {
        return JSON.writeValueAsString(instrument);
    }

    private static InstrumentItem item(
            JsonNode node, String field, Map<String, List<AnswerOption>> scales, Set<String> domainIds) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, "An item is a JSON object.");
        }
        unknown(node, ITEM, Set.of(), field);
        String linkId = text(node, "linkId", field, 64, true);
        if (!LINK_ID.matcher(linkId).matches()) {
            throw new InvalidInputException(
                    field + ".linkId", "Letters, digits, '.', '_' and '-', at most 64 characters.");
        }
        String text = text(node, "text", field, 1000, true);
        String section = text(node, "section", field, 200, false);
        String typeCode = text(node, "type", field, 20, true);
        ItemType type =
                switch (typeCode.toLowerCase(java.util.Locale.ROOT)) {
                    case "choice" -> ItemType.CHOICE;
                    case "integer" -> ItemType.INTEGER;
                    default -> throw new InvalidInputException(field + ".type", "An item type is choice or integer.");
                };
        boolean required = bool(node, "required", field, true);
        boolean notApplicable = bool(node, "notApplicable", field, false);
        boolean reverse = bool(node, "reverse", field, false);
        String domain = text(node, "domain", field, 64, false);
        if (domain != null && !domainIds.contains(domain)) {
            throw new InvalidInputException(field + ".domain", "No domain '" + domain + "' in this instrument.");
        }
        if (reverse && domain == null) {
            throw new InvalidInputException(field + ".reverse", "Only an item of a domain is reverse-keyed.");
        }
        String lowAnchor = text(node, "lowAnchor", field, 200, false);
        String highAnchor = text(node, "highAnchor", field, 200, false);
        List<AnswerOption> options = List.of();
        int min;
        int max;
        if (type == ItemType.CHOICE) {
            String scale = text(node, "answerScale", field, 64, false);
            if (scale != null) {
                options = scales.get(scale);
                if (options == null) {
                    throw new InvalidInputException(field + ".answerScale", "No answer scale '" + scale + "'.");
                }
            } else {
                options = options(node.get("answerOptions"), field + ".answerOptions");
            }
            min = options.stream().mapToInt(AnswerOption::value).min().orElseThrow();
            max = options.stream().mapToInt(AnswerOption::value).max().orElseThrow();
        } else {
            min = integer(node, "minValue", field);
            max = integer(node, "maxValue", field);
            if (min >= max || max - min > 100) {
                throw new InvalidInputException(field + ".maxValue", "Larger than minValue, by at most 100.");
            }
        }
        return new InstrumentItem(
                linkId,
                text,
                section,
                type,
                required,
                options,
                min,
                max,
                lowAnchor,
                highAnchor,
                notApplicable,
                domain,
                reverse);
    }

    private static Domain domain(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, "A domain is a JSON object.");
        }
        unknown(node, DOMAIN, Set.of(), field);
        String id = text(node, "id", field, 64, true);
        if (!LINK_ID.matcher(id).matches()) {
            throw new InvalidInputException(field + ".id", "Letters, digits, '.', '_' and '-', at most 64 characters.");
        }
        String title = text(node, "title", field, 200, true);
        String methodName = text(node, "method", field, 20, true);
        ScoringMethod method;
        try {
            method = ScoringMethod.valueOf(methodName);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".method", "A scoring method is PERCENT, MEAN or SUM.");
        }
        int minAnswered =
                node.has("minAnswered") && !node.get("minAnswered").isNull() ? integer(node, "minAnswered", field) : 0;
        if (node.has("minAnswered") && minAnswered < 1) {
            throw new InvalidInputException(field + ".minAnswered", "At least 1.");
        }
        return new Domain(id, title, method, minAnswered, bool(node, "higherIsBetter", field, true));
    }

    private static Map<String, List<AnswerOption>> scales(@Nullable JsonNode node, String field) {
        Map<String, List<AnswerOption>> scales = new HashMap<>();
        if (node == null || node.isNull()) {
            return scales;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(field, "Named answer scales: {\"name\": [options]}.");
        }
        for (String name : node.propertyNames()) {
            scales.put(name, options(node.get(name), field + "." + name));
        }
        return scales;
    }

    private static List<AnswerOption> options(@Nullable JsonNode node, String field) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 20) {
            throw new InvalidInputException(field, "A choice item has 2 to 20 answer options.");
        }
        List<AnswerOption> options = new ArrayList<>();
        Set<Integer> values = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode option = node.get(i);
            String at = field + "[" + i + "]";
            if (option == null || !option.isObject()) {
                throw new InvalidInputException(at, "An answer option is {\"value\": 1, \"display\": \"...\"}.");
            }
            unknown(option, Set.of("value", "display"), Set.of(), at);
            int value = integer(option, "value", at);
            if (!values.add(value)) {
                throw new InvalidInputException(at + ".value", "Two answer options have this value.");
            }
            options.add(new AnswerOption(value, text(option, "display", at, 200, true)));
        }
        return options;
    }

    private static void unknown(JsonNode node, Set<String> known, Set<String> ignored, String field) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name) && !ignored.contains(name)) {
                throw new InvalidInputException(field + "." + name, "Not a field of an instrument definition.");
            }
        }
    }

    private static @Nullable String text(JsonNode node, String name, String field, int max, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidInputException(field + "." + name, "This field is required.");
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field + "." + name, "A text.");
        }
        String text = value.asString().strip();
        if (text.isEmpty() && required) {
            throw new InvalidInputException(field + "." + name, "This field is required.");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field + "." + name, "At most " + max + " characters.");
        }
        return text.isEmpty() ? null : text;
    }

    private static int integer(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInputException(field + "." + name, "A whole number.");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode node, String name, String field, boolean otherwise) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(field + "." + name, "true or false.");
        }
        return value.asBoolean();
    }
}
