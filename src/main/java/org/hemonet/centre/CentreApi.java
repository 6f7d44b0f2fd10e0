package org.hemonet.centre;

import java.util.List;
import java.util.UUID;
import org.hemonet.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The network's centres, for every signed-in user: a centre's contact numbers and team are not patient data. */
@RestController
@RequestMapping("/api/v1/centres")
class CentreApi {

    private final CentreDirectory directory;

    CentreApi(CentreDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<CentreProfile> centres() {
        return directory.profiles();
    }

    @GetMapping("/{id}")
    CentreProfile centre(@PathVariable UUID id) {
        return directory.profile(id).orElseThrow(() -> new NotFoundException("Centre"));
    }
}
