package org.hemonet.diary;

/** Why the catalogue refuses an infusion: the JSON field ({@code productId}, {@code batchNumber}, {@code doseIu}, {@code doseMg}) and why. */
public record ProductProblem(String field, String message) {}
