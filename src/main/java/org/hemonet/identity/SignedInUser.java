package org.hemonet.identity;

import java.util.Optional;
import org.hemonet.identity.internal.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Display facts about the signed-in account, for the page shell. */
@Component
public class SignedInUser {

    public record Details(String username, String displayName, Role role) {}

    public Optional<Details> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(new Details(principal.getUsername(), principal.displayName(), principal.role()));
        }
        return Optional.empty();
    }
}
