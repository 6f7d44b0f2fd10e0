/**
 * The product catalogue: clotting factor concentrates (FVIII and FIX, standard and extended half-life, recombinant and
 * plasma-derived), bypassing agents, emicizumab, VWF concentrates and fibrinogen, with their vial sizes, incremental
 * recovery (clinical.md §6), PK model and list price; and the batches the network received. Not patient data: every
 * signed-in user may read it. {@link org.hemonet.product.ProductCatalogue} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
@org.jspecify.annotations.NullMarked
package org.hemonet.product;
