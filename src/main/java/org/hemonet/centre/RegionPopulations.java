package org.hemonet.centre;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.hemonet.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resident population of each region by year: data the network maintains (clinical.md §7), imported and exported as
 * CSV with the columns {@code region_code,year,population}. An import is all or nothing; a malformed file is refused
 * with a 400 naming the line and column (security.md §20). Exported cells that a spreadsheet would run as a formula
 * ({@code = + - @}, tab, carriage return) are neutralised with a leading apostrophe (§21).
 */
@Service
public class RegionPopulations {

    public static final List<String> COLUMNS = List.of("region_code", "year", "population");
    static final int MAX_ROWS = 10_000;

    /** One region's population in one year. */
    public record Population(UUID regionId, String regionCode, String regionName, int year, long population) {}

    private final CentreQueries queries;

    RegionPopulations(CentreQueries queries) {
        this.queries = queries;
    }

    public List<Population> all() {
        return queries.populations();
    }

    /** Imports (inserts or replaces) every row of the CSV text; returns the number of rows. */
    @Transactional
    public int importCsv(String csv) {
        Map<String, Region> regions =
                queries.regions().stream().collect(Collectors.toMap(Region::code, Function.identity()));
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<Population> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(csv))
                .setFormat(format)
                .get()) {
            List<String> header = parser.getHeaderNames();
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (header.size() <= i || !COLUMNS.get(i).equalsIgnoreCase(header.get(i))) {
                    throw problem(1, i + 1, "The header must be " + String.join(",", COLUMNS) + ".");
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() >= MAX_ROWS) {
                    throw problem(line, 1, "At most " + MAX_ROWS + " rows per import.");
                }
                if (record.size() != COLUMNS.size()) {
                    throw problem(line, Math.min(record.size() + 1, COLUMNS.size()), "Each row has exactly 3 values.");
                }
                Region region = regions.get(record.get(0));
                if (region == null) {
                    throw problem(line, 1, "Unknown region code.");
                }
                int year;
                try {
                    year = Integer.parseInt(record.get(1));
                } catch (NumberFormatException e) {
                    throw problem(line, 2, "The year must be a whole number.");
                }
                if (year < 1900 || year > 2200) {
                    throw problem(line, 2, "The year must be between 1900 and 2200.");
                }
                long population;
                try {
                    population = Long.parseLong(record.get(2));
                } catch (NumberFormatException e) {
                    throw problem(line, 3, "The population must be a whole number.");
                }
                if (population <= 0) {
                    throw problem(line, 3, "The population must be more than 0.");
                }
                rows.add(new Population(region.id(), region.code(), region.name(), year, population));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("csv", "The CSV is malformed (for example an unclosed quote).");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("csv", "The CSV holds no rows.");
        }
        rows.forEach(r -> queries.upsertPopulation(r.regionId(), r.year(), r.population()));
        return rows.size();
    }

    /** Every population as CSV, formula-like cells neutralised. */
    public String exportCsv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(List.of("region_code", "region_name", "year", "population"));
            for (Population p : all()) {
                printer.printRecord(neutralise(p.regionCode()), neutralise(p.regionName()), p.year(), p.population());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would evaluate gets a leading apostrophe (OWASP CSV injection). */
    public static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static InvalidInputException problem(long line, int column, String message) {
        String name = COLUMNS.get(Math.max(0, Math.min(column, COLUMNS.size()) - 1));
        return new InvalidInputException(
                "line " + line + ", column " + column + " (" + name + ")",
                "Line " + line + ", column " + column + " (" + name + "): " + message);
    }
}
