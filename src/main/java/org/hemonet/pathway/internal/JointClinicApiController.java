package org.hemonet.pathway.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.pathway.JointClinic;
import org.hemonet.pathway.JointClinics;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joint transition clinics through the API (issue 17): {@code GET/POST /api/v1/patients/{id}/joint-clinics}, {@code
 * POST /api/v1/joint-clinics/{id}/cancellation}.
 */
@RestController
class JointClinicApiController {

    private final JointClinics clinics;
    private final CurrentActor currentActor;

    JointClinicApiController(JointClinics clinics, CurrentActor currentActor) {
        this.clinics = clinics;
        this.currentActor = currentActor;
    }

    record JointClinicRequest(@Nullable LocalDate clinicOn, @Nullable UUID adultCentreId, @Nullable String note) {}

    record Items(List<JointClinic> items) {}

    @GetMapping("/api/v1/patients/{id}/joint-clinics")
    Items list(@PathVariable UUID id) {
        return new Items(clinics.clinicsOf(currentActor.require(), id));
    }

    @PostMapping("/api/v1/patients/{id}/joint-clinics")
    ResponseEntity<JointClinic> schedule(@PathVariable UUID id, @RequestBody JointClinicRequest r) {
        JointClinic c = clinics.schedule(currentActor.require(), id, r.clinicOn(), r.adultCentreId(), r.note());
        return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/joint-clinics"))
                .body(c);
    }

    @PostMapping("/api/v1/joint-clinics/{id}/cancellation")
    JointClinic cancel(@PathVariable UUID id) {
        return clinics.cancel(currentActor.require(), id);
    }
}
