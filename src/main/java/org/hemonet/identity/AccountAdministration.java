package org.hemonet.identity;

import java.util.List;
import java.util.UUID;
import org.hemonet.identity.internal.Accounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and listing accounts (the admin UI and the demo network use it). */
@Service
public class AccountAdministration {

    private static final java.util.regex.Pattern USERNAME =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;

    AccountAdministration(Accounts accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
    }

    /**
     * Creates an account after checking the username (3–64 of a–z, 0–9, dot, dash, underscore; unique), the password
     * rules and that centre staff have a centre.
     */
    @Transactional
    public UUID create(NewAccount account) {
        if (!USERNAME.matcher(account.username()).matches()) {
            throw new org.hemonet.shared.InvalidInputException(
                    "username",
                    "The username must be 3 to 64 characters: lower-case letters, digits, dots, dashes or underscores.");
        }
        if (accounts.findByUsername(account.username()).isPresent()) {
            throw new org.hemonet.shared.InvalidInputException("username", "This username is already taken.");
        }
        passwordPolicy
                .problem(account.rawPassword(), account.role(), account.username())
                .ifPresent(problem -> {
                    throw new org.hemonet.shared.InvalidInputException("password", problem);
                });
        if (account.role().needsCentres() && account.centreIds().isEmpty()) {
            throw new org.hemonet.shared.InvalidInputException("centreIds", "Centre staff need at least one centre.");
        }
        return createWithHash(UUID.randomUUID(), account, passwordEncoder.encode(account.rawPassword()));
    }

    /** Enables or disables an account; a disabled account's sessions end on their next request. */
    @Transactional
    public void setEnabled(UUID accountId, boolean enabled) {
        accounts.setEnabled(accountId, enabled);
    }

    /** Re-assigns an account's role and centres; this applies from the account's next request. */
    @Transactional
    public void reassign(UUID accountId, Role role, java.util.Set<UUID> centreIds) {
        if (role.needsCentres() && centreIds.isEmpty()) {
            throw new org.hemonet.shared.InvalidInputException("centreIds", "Centre staff need at least one centre.");
        }
        accounts.reassign(accountId, role, role.needsCentres() ? centreIds : java.util.Set.of());
    }

    /** Display names of accounts, for showing who did something (unknown ids are left out). */
    public java.util.Map<UUID, String> displayNames(java.util.Collection<UUID> accountIds) {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        for (UUID id : new java.util.HashSet<>(accountIds)) {
            accounts.findById(id).ifPresent(a -> names.put(id, a.displayName()));
        }
        return names;
    }

    /** Enabled accounts that hold a patient's record (the patient, a parent or guardian). */
    public List<Account> holdersOf(UUID patientId) {
        return accounts.holdersOf(patientId).stream()
                .map(this::find)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    /** Enabled centre-staff accounts of a centre (its team), by display name. */
    public List<Account> staffOf(UUID centreId) {
        return accounts.staffOf(centreId).stream()
                .map(this::find)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    public java.util.Optional<Account> find(UUID accountId) {
        return accounts.findById(accountId)
                .map(a -> new Account(
                        a.id(),
                        a.username(),
                        a.displayName(),
                        a.role(),
                        a.enabled(),
                        accounts.centresOf(a.id()),
                        accounts.patientsOf(a.id())));
    }

    /**
     * Creates an account whose password was hashed already by {@link #hash(String)}; used to load many accounts that
     * share one password (the demo network) without paying the Argon2 cost for each.
     */
    @Transactional
    public UUID createWithHash(UUID id, NewAccount account, String passwordHash) {
        accounts.insert(id, account, passwordHash);
        return id;
    }

    public String hash(String rawPassword) {
        return passwordEncoder.encode(rawPassword);
    }

    public List<Account> all() {
        return accounts.all();
    }

    public long count() {
        return accounts.count();
    }
}
