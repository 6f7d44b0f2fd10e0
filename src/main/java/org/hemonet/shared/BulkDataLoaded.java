package org.hemonet.shared;

/**
 * Published after rows were written straight into the tables (bulk {@code COPY} of a synthetic network, a registry
 * import), bypassing the modules' own events: read models and caches rebuild from the tables when they hear it.
 *
 * @param source what loaded the data, e.g. {@code generate}
 */
public record BulkDataLoaded(String source) {}
