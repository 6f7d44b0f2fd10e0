package org.hemonet.centre;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regions and their populations: anyone signed in may read them; the network (analysts) and administrators import
 * them as CSV ({@code region_code,year,population}).
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApi {

    static final int MAX_CSV_CHARS = 1_000_000;
    private static final Set<String> IMPORTERS = Set.of("ADMIN", "NETWORK_ANALYST");

    private final RegionPopulations populations;
    private final CurrentActor currentActor;

    RegionApi(RegionPopulations populations, CurrentActor currentActor) {
        this.populations = populations;
        this.currentActor = currentActor;
    }

    @GetMapping("/populations")
    List<RegionPopulations.Population> list() {
        return populations.all();
    }

    @GetMapping(path = "/populations.csv", produces = "text/csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"region-populations.csv\"")
                .body(populations.exportCsv());
    }

    @PostMapping(
            path = "/populations",
            consumes = {"text/csv", "text/plain"})
    Map<String, Integer> importCsv(@RequestBody String csv) {
        if (!IMPORTERS.contains(currentActor.require().role())) {
            throw new AccessDeniedException("Only the network imports populations");
        }
        if (csv.length() > MAX_CSV_CHARS) {
            throw new InvalidInputException("csv", "The file is too large (at most 1 MB).");
        }
        return Map.of("imported", populations.importCsv(csv));
    }
}
