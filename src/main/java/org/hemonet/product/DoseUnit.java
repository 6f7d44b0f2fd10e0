package org.hemonet.product;

/** The unit a product is dosed, stocked and priced in: international units of factor, or milligrams. */
public enum DoseUnit {
    IU,
    MG
}
