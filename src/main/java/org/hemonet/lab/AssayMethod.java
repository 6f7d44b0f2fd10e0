package org.hemonet.lab;

/**
 * How factor activity was measured. After gene therapy the one-stage clotting assay and the chromogenic substrate
 * assay give different values for the expressed factor (for valoctocogene roxaparvovec the one-stage reads about 1.5
 * times the chromogenic), so a result always says which it is.
 */
public enum AssayMethod {
    ONE_STAGE,
    CHROMOGENIC,
    OTHER
}
