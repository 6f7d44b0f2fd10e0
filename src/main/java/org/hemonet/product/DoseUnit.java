package org.hemonet.product;

/**
 * The unit a product is dosed, stocked and priced in: international units of factor, milligrams, or vector genomes (a
 * gene therapy, dosed in vg per kg of body weight; its vial sizes and list price count units of 10<sup>12</sup> vg,
 * since a vial holds 10<sup>13</sup>–10<sup>14</sup> vg).
 */
public enum DoseUnit {
    IU,
    MG,
    VG
}
