package org.hemonet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hemonet.HemonetApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on the test JVM's one database, as two app servers behind a load balancer (issue 14): each a
 * whole application context with its own web server on a random port, its own data directory and a small pool (4
 * connections). Both use {@link TestClock}, the same issuer (a load balancer's one public name) and reminder and
 * recall schedules of an hour, so that the jobs run when a test calls them. Started on first use, kept for the JVM
 * (like Spring's test context cache), closed when it exits.
 */
public final class TwoNodes {

    /** The issuer both nodes put in and expect of access tokens: the public name of the load balancer. */
    public static final String ISSUER = "http://hemonet.nodes.test";

    private static TwoNodes shared;

    private Node a;
    private Node b;

    private TwoNodes() {
        this.a = Node.start("node-a", dataDir("node-a"));
        this.b = Node.start("node-b", dataDir("node-b"));
    }

    public static synchronized TwoNodes shared() {
        if (shared == null) {
            shared = new TwoNodes();
        }
        return shared;
    }

    public synchronized Node a() {
        return a;
    }

    public synchronized Node b() {
        return b;
    }

    /** Stops node A (as a deployment or crash would end its JVM) and starts it again on the same data directory. */
    public synchronized Node restartA() {
        a.context.close();
        a = Node.start(a.name, a.dataDir);
        return a;
    }

    private static Path dataDir(String name) {
        try {
            return Files.createTempDirectory("hemonet-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One running node. */
    public static final class Node {

        private final String name;
        private final Path dataDir;
        private final ConfigurableApplicationContext context;

        private Node(String name, Path dataDir, ConfigurableApplicationContext context) {
            this.name = name;
            this.dataDir = dataDir;
            this.context = context;
        }

        static Node start(String name, Path dataDir) {
            Map<String, String> properties = new LinkedHashMap<>(TestDatabase.properties());
            properties.put("server.port", "0");
            properties.put("spring.main.banner-mode", "off");
            properties.put("hemonet.node-name", name);
            properties.put("hemonet.data-dir", dataDir.toString());
            properties.put("hemonet.db.pool-size", "4");
            properties.put("hemonet.demo.enabled", "true");
            properties.put("hemonet.demo.diary-history", "false");
            properties.put("hemonet.security.oauth2.issuer", ISSUER);
            properties.put("hemonet.reminders.interval", "PT1H");
            properties.put("hemonet.recall.refresh-interval", "PT1H");
            // as command-line arguments: they outrank application.yml (builder properties would be defaults only)
            String[] args = properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext context =
                    new SpringApplicationBuilder(HemonetApplication.class, TestClockConfiguration.class).run(args);
            return new Node(name, dataDir, context);
        }

        public String name() {
            return name;
        }

        public ConfigurableApplicationContext context() {
            return context;
        }

        public int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }
}
