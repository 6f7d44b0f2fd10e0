package org.hemonet.identity.internal;

import java.util.Optional;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current request, from the Spring Security context: a signed-in session or a bearer token. */
@Component
class SecurityCurrentActor implements CurrentActor {

    @Override
    public Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal.toActor());
        }
        if (authentication instanceof BearerActors.BearerActor bearer) {
            return Optional.of(bearer.actor());
        }
        return Optional.empty();
    }
}
