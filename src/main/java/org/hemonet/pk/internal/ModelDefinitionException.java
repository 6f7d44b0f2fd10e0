package org.hemonet.pk.internal;

/** A population model file that cannot be used; thrown while the models load, so the application refuses to start. */
public class ModelDefinitionException extends RuntimeException {

    public ModelDefinitionException(String file, String problem) {
        super("PK model file " + file + " is refused: " + problem);
    }

    public ModelDefinitionException(String file, String problem, Throwable cause) {
        super("PK model file " + file + " is refused: " + problem, cause);
    }
}
