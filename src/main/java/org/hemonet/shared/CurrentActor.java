package org.hemonet.shared;

import java.util.Optional;

/** The actor of the current request or job, if any. Implemented by the identity module. */
public interface CurrentActor {

    Optional<Actor> get();

    /** The actor, or an {@link IllegalStateException} when nobody is signed in. */
    default Actor require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in actor"));
    }
}
