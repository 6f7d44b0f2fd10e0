/** Treatment centres, regions and populations, the network, care-team rosters and designation standards. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.hemonet.centre;
