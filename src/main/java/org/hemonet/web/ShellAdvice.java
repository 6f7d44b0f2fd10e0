package org.hemonet.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.hemonet.centre.NetworkSettings;
import org.hemonet.identity.SignedInUser;
import org.hemonet.message.Messages;
import org.hemonet.message.Threads;
import org.hemonet.shared.CurrentActor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the signed-in user and their navigation into every page's model. {@code @RestController}s are
 * {@code @Controller}s too, so this advice runs for API calls as well: what costs a query (the unread count) is skipped
 * when the handler writes its answer itself ({@code @ResponseBody}) and renders no page (issue 14: two queries on every
 * API request).
 */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final SignedInUser signedInUser;
    private final Messages messages;
    private final Threads threads;
    private final CurrentActor currentActor;
    private final NetworkSettings network;

    ShellAdvice(
            SignedInUser signedInUser,
            Messages messages,
            Threads threads,
            CurrentActor currentActor,
            NetworkSettings network) {
        this.signedInUser = signedInUser;
        this.messages = messages;
        this.threads = threads;
        this.currentActor = currentActor;
        this.network = network;
    }

    /**
     * The public emergency number where the network is (issue 19): it follows the network, not the language, so a UK
     * patient whose browser asks for American English is still told 999. Message texts take it as a parameter.
     */
    @ModelAttribute("emergencyNumber")
    String emergencyNumber() {
        return network.emergencyNumber();
    }

    /**
     * Unread notices and conversation messages (issue 16) of the signed-in patient or centre team, shown next to
     * "Messages" in the navigation.
     */
    @ModelAttribute("unreadMessages")
    int unreadMessages(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return 0;
        }
        return currentActor
                .get()
                .map(actor -> messages.unreadCount(actor) + threads.unreadCount(actor))
                .orElse(0);
    }

    @ModelAttribute("currentUser")
    Optional<SignedInUser.Details> currentUser() {
        return signedInUser.current();
    }

    /** Whether the navigation folds behind a "Menu" button on a phone (see {@link Navigation#needsPhoneMenu}). */
    @ModelAttribute("navMenu")
    boolean navMenu() {
        return Navigation.needsPhoneMenu(navigation());
    }

    @ModelAttribute("navigation")
    List<Navigation.Item> navigation() {
        return signedInUser.current().map(u -> Navigation.forRole(u.role())).orElse(List.of());
    }

    /** False when the request's handler answers with its own body (an API call) rather than a page. */
    static boolean rendersPage(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
            return !handler.hasMethodAnnotation(ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
        }
        return true;
    }
}
