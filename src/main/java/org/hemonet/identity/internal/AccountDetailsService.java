package org.hemonet.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form sign-in. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account as stored now, or empty if it no longer exists. */
    java.util.Optional<AccountPrincipal> reload(java.util.UUID accountId) {
        return accounts.findWithAccess(accountId)
                .map(found -> new AccountPrincipal(found.account(), found.centreIds(), found.patientIds()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .map(account -> new AccountPrincipal(
                        account, accounts.centresOf(account.id()), accounts.patientsOf(account.id())))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}
