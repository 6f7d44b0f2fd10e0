package org.hemonet.interchange;

/**
 * One problem of an import file: the line of the file (the header is line 1), the column by its header name, and
 * what is wrong in words a registry manager can act on.
 */
public record ImportError(int line, String column, String message) implements Comparable<ImportError> {

    @Override
    public int compareTo(ImportError other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : column.compareTo(other.column);
    }
}
