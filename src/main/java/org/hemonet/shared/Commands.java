package org.hemonet.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a {@link Command} named by the first argument of the jar. Only arguments of the form {@code --a.b=value} (Spring
 * properties such as {@code --hemonet.db.url=...}) reach Spring; every other argument belongs to the command.
 */
public final class Commands {

    private Commands() {}

    /** Is this start of the jar a command (its first argument a word, not an option)? */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** Starts the application without a listening web server, runs the command, and returns its exit status. */
    public static int run(Class<?> application, String[] args) {
        String name = args[0];
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            if (arg.startsWith("--")
                    && arg.contains("=")
                    && arg.substring(0, arg.indexOf('=')).contains(".")) {
                springArgs.add(arg);
            } else {
                commandArgs.add(arg);
            }
        }
        // before the command's own Spring arguments, so that those win; application.yml would beat default properties
        springArgs.add(
                0, "--server.port=-1"); // a web context without a listening server (security needs a servlet context)
        springArgs.add(1, "--spring.main.banner-mode=off");
        springArgs.add(2, "--hemonet.command=" + name);
        if (springArgs.stream().noneMatch(a -> a.startsWith("--hemonet.demo.enabled="))) {
            springArgs.add(3, "--hemonet.demo.enabled=false");
        }
        SpringApplication app = new SpringApplication(application);
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            List<Command> commands = context.getBeansOfType(Command.class).values().stream()
                    .sorted(Comparator.comparing(Command::name))
                    .toList();
            Command command = commands.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (command == null) {
                System.out.println((name.equals("help") ? "" : "Unknown command: " + name + "\n") + "Commands:");
                commands.forEach(c -> System.out.println("  " + c.name() + " " + c.usage()));
                return name.equals("help") ? 0 : 2;
            }
            return command.run(commandArgs, System.out);
        } catch (Exception e) {
            System.err.println(name + " failed: " + e);
            return 1;
        }
    }
}
