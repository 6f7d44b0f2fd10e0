package org.hemonet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.function.Supplier;

/**
 * Structure-aware pieces of fuzzed input: a JSON value that is usually valid and otherwise missing, null, of the wrong
 * type, an edge number or an arbitrary string; a CSV cell likewise.
 */
final class Fuzzed {

    private static final String[] EDGE_NUMBERS = {
        "0", "-1", "1e400", "-1e400", "1e-400", "99999999999999999999999999", "0.0000000000000000000001", "2147483648",
        "-2147483649", "9223372036854775808", "1.5", "-0", "1E+2147483647"
    };
    private static final String[] EDGE_STRINGS = {
        "", " ", "null", "NaN", "Infinity", "-Infinity", "2026-02-30", "2026-13-01", "9999-12-31", "0000-01-01",
        "2026-01-01T25:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "00000000-0000-0000-0000-000000000000",
        "\u0000", "'; drop table x; --", "é", "\uD800", "1,5", "1 000"
    };

    private Fuzzed() {}

    /** A JSON fragment {@code "name": value}, or nothing when the field is left out; {@code valid} is quoted JSON. */
    static String field(FuzzedDataProvider data, String name, Supplier<String> valid) {
        int choice = data.consumeInt(0, 15);
        String value =
                switch (choice) {
                    case 0 -> null;
                    case 1 -> "null";
                    case 2 -> quote(data.pickValue(EDGE_STRINGS));
                    case 3 -> data.pickValue(EDGE_NUMBERS);
                    case 4 -> quote(data.consumeString(40));
                    case 5 -> String.valueOf(data.consumeLong());
                    case 6 -> data.consumeBoolean() ? "true" : "[]";
                    case 7 -> "{}";
                    case 8 -> String.valueOf(data.consumeDouble());
                    default -> valid.get();
                };
        return value == null ? "" : quote(name) + ":" + value;
    }

    /** A CSV cell: usually {@code valid}, otherwise empty, an edge value or arbitrary text (quoted as CSV needs). */
    static String cell(FuzzedDataProvider data, String valid) {
        String value =
                switch (data.consumeInt(0, 11)) {
                    case 0 -> "";
                    case 1 -> data.pickValue(EDGE_STRINGS);
                    case 2 -> data.pickValue(EDGE_NUMBERS);
                    case 3 -> data.consumeString(30);
                    default -> valid;
                };
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String object(String... fields) {
        StringBuilder out = new StringBuilder("{");
        for (String f : fields) {
            if (!f.isEmpty()) {
                out.append(out.length() > 1 ? "," : "").append(f);
            }
        }
        return out.append('}').toString();
    }
}
