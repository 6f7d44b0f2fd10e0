package org.hemonet.interchange.internal;

import java.io.IOException;
import java.util.UUID;
import org.hemonet.interchange.ImportProgress;
import org.hemonet.interchange.ImportResult;
import org.hemonet.interchange.RegistryImport;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Issue 15's registry import: {@code POST /api/v1/imports?dryRun=true|false} with a multipart {@code file} and
 * {@code centreId} → {@code {"rows", "imported", "errors": [{"line", "column", "message"}], ...}}. A dry run (the
 * default when {@code dryRun} is left out) answers 200 with every bad row; a real run answers 200 when the file was
 * imported and 422 with the same body when it was not (nothing stored). Administrators or the centre's clinicians
 * (else 403).
 */
@RestController
@RequestMapping("/api/v1")
class ImportApiController {

    private final RegistryImport imports;
    private final CurrentActor currentActor;

    ImportApiController(RegistryImport imports, CurrentActor currentActor) {
        this.imports = imports;
        this.currentActor = currentActor;
    }

    @PostMapping("/imports")
    ResponseEntity<ImportResult> importFile(
            @RequestParam(required = false) @Nullable UUID centreId,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(required = false) @Nullable MultipartFile file)
            throws IOException {
        var actor = currentActor.require();
        imports.authorize(actor, centreId);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(
                    "file", "Attach the registry file (CSV, UTF-8) as the multipart part file.");
        }
        ImportResult result;
        try (var reader = ImportFiles.reader(file.getInputStream())) {
            result =
                    imports.run(actor, java.util.Objects.requireNonNull(centreId), reader, dryRun, ImportProgress.NONE);
        }
        HttpStatus status = dryRun || result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(result);
    }
}
