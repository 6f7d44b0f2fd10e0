package org.hemonet.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the demo network into an empty database; unset means "only with the embedded database"
 * @param seed the generator's seed: the same seed gives the same network
 * @param diaryHistory give the demo patients 13–24 months of diary entries (docs/demo.md) when the network is loaded
 */
@ConfigurationProperties("hemonet.demo")
record DemoProperties(
        @Nullable Boolean enabled, @DefaultValue("20261127") long seed, @DefaultValue("true") boolean diaryHistory) {}
