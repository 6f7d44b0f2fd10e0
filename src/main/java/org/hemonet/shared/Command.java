package org.hemonet.shared;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line command of the application jar: {@code java -jar hemonet.jar <name> [args...]}. The application starts
 * without its web server and without the demo loader, runs the one command and exits with its status. Any module may
 * offer commands (for example {@code generate} in demo, {@code import} in fhir); see {@link Commands}.
 */
public interface Command {

    /** The word that selects the command, e.g. {@code generate}. */
    String name();

    /** One line: the arguments it takes, shown by {@code java -jar hemonet.jar help}. */
    String usage();

    /**
     * Runs the command with the arguments after its name (for example {@code [--patients, 8000, --seed, 1]}), writing
     * progress and results to {@code out}; returns the process exit status (0 on success). Bad arguments should print a
     * message naming the argument and return 2.
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
