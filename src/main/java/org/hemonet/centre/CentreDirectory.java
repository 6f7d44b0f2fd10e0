package org.hemonet.centre;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network's centres, regions and teams: the centre module's API. */
@Service
public class CentreDirectory {

    private final CentreQueries queries;

    CentreDirectory(CentreQueries queries) {
        this.queries = queries;
    }

    public List<Centre> centres() {
        return queries.all();
    }

    public Optional<Centre> centre(UUID id) {
        return queries.find(id);
    }

    /** Every centre with its roster, comprehensive care centres first. */
    public List<CentreProfile> profiles() {
        return queries.all().stream()
                .map(c -> CentreProfile.of(c, queries.team(c.id())))
                .toList();
    }

    public Optional<CentreProfile> profile(UUID id) {
        return queries.find(id).map(c -> CentreProfile.of(c, queries.team(c.id())));
    }

    public List<Region> regions() {
        return queries.regions();
    }

    public List<TeamMember> team(UUID centreId) {
        return queries.team(centreId);
    }

    @Transactional
    public void registerNetwork(UUID id, String name) {
        queries.insertNetwork(id, name);
    }

    @Transactional
    public void registerRegion(UUID id, String code, String name, int year, long population) {
        queries.insertRegion(id, code, name);
        queries.upsertPopulation(id, year, population);
    }

    @Transactional
    public void registerCentre(NewCentre centre) {
        queries.insertCentre(centre);
    }

    @Transactional
    public void addTeamMember(UUID id, UUID centreId, TeamRole role, String name) {
        queries.insertTeamMember(id, centreId, role, name);
    }
}
