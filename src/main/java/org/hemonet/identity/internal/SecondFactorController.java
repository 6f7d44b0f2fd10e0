package org.hemonet.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.hemonet.identity.Totp;
import org.hemonet.shared.QrCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of staff sign-in (security.md §9): a TOTP code or a recovery code; an account without a secret
 * first enrols one from a QR code and receives recovery codes. Wrong codes count towards throttling (§10).
 */
@Controller
@RequestMapping("/login/second-factor")
class SecondFactorController {

    private static final String ISSUER = "Hemonet";

    private final Accounts accounts;
    private final AccountDetailsService details;
    private final SecondFactor secondFactor;
    private final SignInAttempts attempts;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorController(
            Accounts accounts,
            AccountDetailsService details,
            SecondFactor secondFactor,
            SignInAttempts attempts,
            Clock clock) {
        this.accounts = accounts;
        this.details = details;
        this.secondFactor = secondFactor;
        this.attempts = attempts;
        this.clock = clock;
    }

    @GetMapping
    String form(HttpSession session) {
        PendingSignIn pending = pending(session);
        if (pending == null) {
            return "redirect:/login";
        }
        var account = accounts.findById(pending.accountId()).orElse(null);
        if (account == null || !account.enabled()) {
            session.invalidate();
            return "redirect:/login?error";
        }
        return account.totpSecret() == null ? "redirect:/login/second-factor/enrol" : "identity/second-factor";
    }

    @PostMapping
    String verify(
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PendingSignIn pending = pending(request.getSession());
        if (pending == null) {
            return "redirect:/login";
        }
        var account = accounts.findById(pending.accountId()).orElse(null);
        boolean ok = account != null
                && account.enabled()
                && account.totpSecret() != null
                && !attempts.isThrottled(pending.username(), clock.instant())
                && secondFactor.verify(account.id(), account.totpSecret(), account.totpLastStep(), code);
        attempts.record(pending.username(), ok, "SECOND_FACTOR");
        if (!ok) {
            model.addAttribute("error", true);
            return "identity/second-factor";
        }
        complete(pending, request, response);
        String saved = SignInHandlers.savedRequestUrl(request, response);
        return "redirect:" + (saved != null ? saved : "/");
    }

    @GetMapping("/enrol")
    String enrolForm(HttpSession session, Model model) {
        PendingSignIn pending = pending(session);
        if (pending == null) {
            return "redirect:/login";
        }
        var account = accounts.findById(pending.accountId()).orElse(null);
        if (account == null || account.totpSecret() != null) {
            return "redirect:/login/second-factor";
        }
        String secret = pending.enrolmentSecret() == null ? secondFactor.newSecret() : pending.enrolmentSecret();
        session.setAttribute(PendingSignIn.ATTRIBUTE, pending.withEnrolmentSecret(secret));
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qr", QrCodes.svgDataUri(Totp.otpauthUri(ISSUER, pending.username(), secret)));
        return "identity/enrol";
    }

    @PostMapping("/enrol")
    String enrol(
            @RequestParam(name = "code", defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PendingSignIn pending = pending(request.getSession());
        if (pending == null || pending.enrolmentSecret() == null) {
            return "redirect:/login";
        }
        OptionalLong step = Totp.matchingStep(pending.enrolmentSecret(), code, clock.instant());
        attempts.record(pending.username(), step.isPresent(), "SECOND_FACTOR");
        if (step.isEmpty()) {
            model.addAttribute("error", true);
            model.addAttribute("secret", pending.enrolmentSecret().replaceAll("(.{4})(?!$)", "$1 "));
            model.addAttribute(
                    "qr", QrCodes.svgDataUri(Totp.otpauthUri(ISSUER, pending.username(), pending.enrolmentSecret())));
            return "identity/enrol";
        }
        List<String> recoveryCodes =
                secondFactor.enrol(pending.accountId(), pending.enrolmentSecret(), step.getAsLong());
        complete(pending, request, response);
        model.addAttribute("codes", recoveryCodes);
        return "identity/recovery-codes";
    }

    /** Grants the session: a new session id, the staff idle timeout, the absolute limit starts now. */
    private void complete(PendingSignIn pending, HttpServletRequest request, HttpServletResponse response) {
        request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
        request.changeSessionId();
        AccountPrincipal principal = details.reload(pending.accountId()).orElseThrow();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        // the role plus the factors used and when (OpenID Connect's auth_time comes from them)
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        authorities.add(FactorGrantedAuthority.fromFactor("TOTP"));
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setMaxInactiveInterval((int) SignInHandlers.STAFF_IDLE.toSeconds());
        SessionLimits.markSignedIn(request, clock.instant());
    }

    private static @Nullable PendingSignIn pending(HttpSession session) {
        return session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn p ? p : null;
    }
}
