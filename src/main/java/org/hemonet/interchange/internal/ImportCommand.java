package org.hemonet.interchange.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.interchange.ImportError;
import org.hemonet.interchange.ImportPhase;
import org.hemonet.interchange.ImportProgress;
import org.hemonet.interchange.ImportResult;
import org.hemonet.interchange.RegistryImport;
import org.hemonet.shared.Actor;
import org.hemonet.shared.Command;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar hemonet.jar import --centre CODE --file patients.csv [--dry-run]} (issue 15): the registry import
 * from a shell, with a progress bar and rows per second on stderr and the report on stdout. It runs as the network
 * administrator of the command line (audited as {@code command-line import}). Exit 0 when the file was imported (or,
 * on a dry run, has no errors), 1 when it has errors (nothing stored), 2 for bad arguments.
 */
@Component
class ImportCommand implements Command {

    static final UUID ACCOUNT = UUID.nameUUIDFromBytes("hemonet-command-line-import".getBytes(StandardCharsets.UTF_8));

    private final RegistryImport imports;

    ImportCommand(RegistryImport imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "--centre CODE --file patients.csv [--dry-run]  import a centre's registry file (docs/import.md)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String centreCode = null;
        String file = null;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--centre", "--file" -> {
                    if (i + 1 >= args.size()) {
                        out.println("import: " + arg + " needs a value");
                        return 2;
                    }
                    if (arg.equals("--centre")) {
                        centreCode = args.get(++i);
                    } else {
                        file = args.get(++i);
                    }
                }
                default -> {
                    out.println("import: unknown argument " + arg);
                    return 2;
                }
            }
        }
        if (centreCode == null || file == null) {
            out.println("import: give --centre CODE and --file patients.csv");
            return 2;
        }
        UUID centreId = imports.centreByCode(centreCode);
        if (centreId == null) {
            out.println("import: no centre has the code " + centreCode);
            return 2;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            out.println("import: cannot read " + path.toAbsolutePath());
            return 2;
        }
        Actor actor = new Actor(ACCOUNT, "command-line import", Role.ADMIN.name(), Set.of(), Set.of());
        Bar bar = new Bar(System.err);
        ImportResult result;
        try (var reader = ImportFiles.reader(Files.newInputStream(path))) {
            result = imports.run(actor, centreId, reader, dryRun, bar);
        }
        bar.finish();
        report(result, out);
        return result.ok() ? 0 : 1;
    }

    static void report(ImportResult r, PrintStream out) {
        out.printf(
                "%s: %,d rows, %,d %s (%,d patients, %,d inhibitor tests, %,d plans, %,d infusions), %,d unchanged,"
                        + " %,d errors, %.1f s (%,.0f rows/s)%n",
                r.dryRun() ? "Dry run" : "Import",
                r.rows(),
                r.imported(),
                r.dryRun() ? "would be imported" : "imported",
                r.patients(),
                r.inhibitorTests(),
                r.plans(),
                r.infusions(),
                r.unchanged(),
                r.errors().size(),
                r.millis() / 1000.0,
                r.rows() / Math.max(1e-3, r.millis() / 1000.0));
        for (ImportError e : r.errors()) {
            out.printf("line %d, %s: %s%n", e.line(), e.column(), e.message());
        }
        if (!r.ok()) {
            out.println("Nothing was imported: correct these rows and run the import again.");
        }
    }

    /** A progress bar on stderr: the phase, a bar, rows and rows per second. */
    static final class Bar implements ImportProgress {
        private final PrintStream err;
        private final long started = System.nanoTime();
        private long lastDrawn;
        private @Nullable ImportPhase last;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void at(ImportPhase phase, long done, long total) {
            long now = System.nanoTime();
            if (phase == last && now - lastDrawn < 250_000_000L) {
                return;
            }
            if (last != null && phase != last) {
                err.println();
            }
            last = phase;
            lastDrawn = now;
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            int width = 30;
            int filled = total <= 0 ? 0 : (int) Math.min(width, width * done / total);
            err.printf(
                    "\r%-8s [%s%s] %,d%s  %,.0f/s ",
                    phase.name().toLowerCase(java.util.Locale.ROOT),
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    done,
                    total > 0 ? "/" + String.format("%,d", total) : "",
                    done / seconds);
        }

        void finish() {
            err.println();
        }
    }
}
