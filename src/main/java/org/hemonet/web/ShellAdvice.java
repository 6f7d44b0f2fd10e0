package org.hemonet.web;

import java.util.List;
import java.util.Optional;
import org.hemonet.identity.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and their navigation into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final SignedInUser signedInUser;

    ShellAdvice(SignedInUser signedInUser) {
        this.signedInUser = signedInUser;
    }

    @ModelAttribute("currentUser")
    Optional<SignedInUser.Details> currentUser() {
        return signedInUser.current();
    }

    @ModelAttribute("navigation")
    List<Navigation.Item> navigation() {
        return signedInUser.current().map(u -> Navigation.forRole(u.role())).orElse(List.of());
    }
}
