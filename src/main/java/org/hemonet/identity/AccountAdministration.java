package org.hemonet.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and listing accounts (the admin UI and the demo network use it). */
@Service
public class AccountAdministration {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;

    AccountAdministration(Accounts accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public UUID create(NewAccount account) {
        return createWithHash(UUID.randomUUID(), account, passwordEncoder.encode(account.rawPassword()));
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
