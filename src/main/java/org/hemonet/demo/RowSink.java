package org.hemonet.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.stream.Collectors;

/** Where the generator's rows go: a {@code COPY} into the database, or a checksum (tests). */
interface RowSink {

    /** One row of {@code table}, its values in the order of the table's columns ({@code null} for SQL null). */
    void row(BulkTable table, Object... values);

    /** Appends one row in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, a newline at the end). */
    static void encode(StringBuilder out, BulkTable table, Object[] values) {
        if (values.length != table.columnCount()) {
            throw new IllegalArgumentException(
                    table + " takes " + table.columnCount() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            } else if (value instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else if (value instanceof BigDecimal d) {
                out.append(d.toPlainString());
            } else if (value instanceof Instant instant) {
                out.append(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Collection<?> list) {
                // a text[] or uuid[] of plain words: no quoting needed
                out.append(list.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
            } else if (value instanceof Number || value instanceof java.util.UUID) {
                out.append(value);
            } else {
                escape(out, value.toString());
            }
        }
        out.append('\n');
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
