package org.hemonet.audit.internal;

import java.io.PrintStream;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.ChainVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command-line check of the audit chain (security.md §14): started with {@code --hemonet.audit.verify-and-exit}
 * (or {@code HEMONET_AUDIT_VERIFY_AND_EXIT=true}), the application verifies the chain, prints the result and exits with
 * status 0 when the chain is intact and 1 when it is broken. See {@code docs/operations.md}.
 */
@Component
class VerifyAndExitRunner implements ApplicationRunner {

    static final String OPTION = "hemonet.audit.verify-and-exit";

    private final AuditLog auditLog;
    private final ApplicationContext context;
    private final Environment environment;

    VerifyAndExitRunner(AuditLog auditLog, ApplicationContext context, Environment environment) {
        this.auditLog = auditLog;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION) && !environment.getProperty(OPTION, Boolean.class, false)) {
            return;
        }
        int status = verifyAndPrint(auditLog, System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Prints the verification and returns the process exit status: 0 intact, 1 broken. */
    static int verifyAndPrint(AuditLog auditLog, PrintStream out) {
        ChainVerification result = auditLog.verify();
        out.println(describe(result));
        return result.ok() ? 0 : 1;
    }

    static String describe(ChainVerification result) {
        String state = result.ok()
                ? "audit chain OK"
                : "audit chain BROKEN at event " + result.firstBrokenSeq() + ": " + result.problem();
        return state + "\n  sealed events:   " + result.sealedEvents()
                + "\n  unsealed events: " + result.unsealedEvents()
                + "\n  last intact seal: "
                + (result.headSeq() == null ? "none" : result.headSeq() + " " + result.headHash());
    }
}
