package org.hemonet.interchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.Role;
import org.hemonet.interchange.RegistryImport;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The registry import page ({@code /imports}): choose the centre and the file, check it (a dry run) or import it, and
 * watch a progress bar while it runs; the report lists every bad row by line and column.
 */
@Controller
class ImportPageController {

    static final String SAMPLE = "interchange/registry-import-sample.csv";

    private final RegistryImport imports;
    private final ImportJobs jobs;
    private final CentreDirectory centres;
    private final CurrentActor currentActor;

    ImportPageController(RegistryImport imports, ImportJobs jobs, CentreDirectory centres, CurrentActor currentActor) {
        this.imports = imports;
        this.jobs = jobs;
        this.centres = centres;
        this.currentActor = currentActor;
    }

    @GetMapping("/imports")
    String form(Model model) {
        return form(currentActor.require(), null, null, model);
    }

    @PostMapping("/imports")
    String start(
            @RequestParam(required = false) @Nullable UUID centreId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model)
            throws IOException {
        Actor actor = currentActor.require();
        Centre centre;
        try {
            centre = imports.authorize(actor, centreId);
        } catch (InvalidInputException e) {
            return form(actor, centreId, "centreId", model);
        }
        if (file == null || file.isEmpty()) {
            return form(actor, centreId, "file", model);
        }
        String name = file.getOriginalFilename() == null ? "registry.csv" : file.getOriginalFilename();
        var job = jobs.start(actor, centre.id(), centre.name(), name, file.getBytes(), dryRun);
        return "redirect:/imports/jobs/" + job.id;
    }

    @GetMapping("/imports/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", view(id));
        return "interchange/job";
    }

    /** The progress and, once finished, the report: what the page polls while the import runs. */
    @GetMapping("/imports/jobs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", view(id));
        return "interchange/job :: progress";
    }

    @GetMapping(value = "/imports/sample.csv", produces = "text/csv")
    ResponseEntity<byte[]> sample() throws IOException {
        allowed(currentActor.require());
        try (InputStream in = new org.springframework.core.io.ClassPathResource(SAMPLE).getInputStream()) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"registry-import-sample.csv\"")
                    .body(in.readAllBytes());
        }
    }

    private ImportJobs.JobView view(UUID id) {
        Actor actor = currentActor.require();
        allowed(actor);
        return jobs.find(actor, id)
                .orElseThrow(() -> new NotFoundException("import"))
                .view();
    }

    private String form(Actor actor, @Nullable UUID chosen, @Nullable String errorField, Model model) {
        allowed(actor);
        boolean admin = Role.of(actor.role()) == Role.ADMIN;
        List<Centre> choices = centres.centres().stream()
                .filter(c -> admin || actor.centreIds().contains(c.id()))
                .toList();
        model.addAttribute("centres", choices);
        model.addAttribute(
                "chosen", chosen == null && choices.size() == 1 ? choices.get(0).id() : chosen);
        model.addAttribute("errorField", errorField);
        return "interchange/form";
    }

    /** The page is for administrators and clinicians; which centres is {@link RegistryImport#authorize}'s. */
    private static void allowed(Actor actor) {
        Role role = Role.of(actor.role());
        if (role != Role.ADMIN && role != Role.CLINICIAN) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only an administrator or a clinician may import a registry.");
        }
    }
}
