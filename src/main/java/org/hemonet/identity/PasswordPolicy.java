package org.hemonet.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Password rules (security.md §8; NIST SP 800-63B §5.1.1.2): at least 12 characters for staff and 8 for patients, at
 * most 128, and not one of the commonly used passwords in {@code identity/common-passwords.txt}. No composition rules.
 */
@Component
public class PasswordPolicy {

    public static final int MAX_LENGTH = 128;
    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The reason a password is refused, or empty when it is acceptable. */
    public Optional<String> problem(String password, Role role, String username) {
        int min = role.isStaff() ? 12 : 8;
        int length = password.codePointCount(0, password.length());
        if (length < min) {
            return Optional.of("The password must be at least " + min + " characters long.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("This password is too common or too easy to guess; choose another.");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (var in = Objects.requireNonNull(
                        PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt"),
                        "identity/common-passwords.txt is missing");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
