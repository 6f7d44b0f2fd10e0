package org.hemonet.centre;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the centre module. */
@Repository
class CentreQueries {

    private static final String CENTRE_COLUMNS =
            """
            select c.id, c.code, c.name, c.type, c.region_id, r.name as region_name, c.phone_24h,
                   c.on_call_arrangement, c.coagulation_laboratory, c.laboratory_capability, c.cover_24h, c.time_zone
            from centre.centre c join centre.region r on r.id = c.region_id
            """;

    private final JdbcClient jdbc;

    private final String networkZone;

    CentreQueries(JdbcClient jdbc, NetworkSettings network) {
        this.jdbc = jdbc;
        this.networkZone = network.timeZone().getId();
    }

    List<Centre> all() {
        return jdbc.sql(CENTRE_COLUMNS + " order by c.type, c.name")
                .query(CentreQueries::centre)
                .list();
    }

    Optional<Centre> find(UUID id) {
        return jdbc.sql(CENTRE_COLUMNS + " where c.id = :id")
                .param("id", id)
                .query(CentreQueries::centre)
                .optional();
    }

    List<Region> regions() {
        return jdbc.sql(
                        """
                        select r.id, r.code, r.name, p.population, p.year
                        from centre.region r
                        left join lateral (select population, year from centre.region_population
                                           where region_id = r.id order by year desc limit 1) p on true
                        order by r.name
                        """)
                .query((rs, n) -> new Region(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getObject("population", Long.class),
                        rs.getObject("year", Integer.class)))
                .list();
    }

    List<RegionPopulations.Population> populations() {
        return jdbc.sql(
                        """
                        select r.id, r.code, r.name, p.year, p.population
                        from centre.region_population p join centre.region r on r.id = p.region_id
                        order by r.code, p.year
                        """)
                .query((rs, n) -> new RegionPopulations.Population(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("year"),
                        rs.getLong("population")))
                .list();
    }

    List<TeamMember> team(UUID centreId) {
        return jdbc.sql(
                        """
                        select id, centre_id, role, name, core from centre.team_member
                        where centre_id = :centre and active order by core desc, role, name
                        """)
                .param("centre", centreId)
                .query((rs, n) -> new TeamMember(
                        rs.getObject("id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getString("name"),
                        rs.getBoolean("core")))
                .list();
    }

    void insertNetwork(UUID id, String name) {
        jdbc.sql("insert into centre.network (id, name) values (:id, :name)")
                .param("id", id)
                .param("name", name)
                .update();
    }

    void insertRegion(UUID id, String code, String name) {
        jdbc.sql("insert into centre.region (id, code, name) values (:id, :code, :name)")
                .param("id", id)
                .param("code", code)
                .param("name", name)
                .update();
    }

    void upsertPopulation(UUID regionId, int year, long population) {
        jdbc.sql(
                        """
                        insert into centre.region_population (region_id, year, population) values (:r, :y, :p)
                        on conflict (region_id, year) do update set population = excluded.population
                        """)
                .param("r", regionId)
                .param("y", year)
                .param("p", population)
                .update();
    }

    void insertCentre(NewCentre centre) {
        jdbc.sql(
                        """
                        insert into centre.centre (id, code, name, type, region_id, network_id, phone_24h,
                            on_call_arrangement, coagulation_laboratory, laboratory_capability, cover_24h, time_zone)
                        values (:id, :code, :name, :type, :region, :network, :phone, :onCall, :lab, :labCapability,
                            :cover, :zone)
                        """)
                .param("zone", networkZone) // a new centre is in the network's zone (issue 19)
                .param("id", centre.id())
                .param("code", centre.code())
                .param("name", centre.name())
                .param("type", centre.type().name())
                .param("region", centre.regionId())
                .param("network", centre.networkId())
                .param("phone", centre.phone24h())
                .param("onCall", centre.onCallArrangement())
                .param("lab", centre.coagulationLaboratory())
                .param("labCapability", centre.laboratoryCapability())
                .param("cover", centre.cover24h())
                .update();
    }

    void insertTeamMember(UUID id, UUID centreId, TeamRole role, String name) {
        jdbc.sql(
                        """
                        insert into centre.team_member (id, centre_id, role, name, core)
                        values (:id, :centre, :role, :name, :core)
                        """)
                .param("id", id)
                .param("centre", centreId)
                .param("role", role.name())
                .param("name", name)
                .param("core", role.isCore())
                .update();
    }

    private static Centre centre(ResultSet rs, int n) throws SQLException {
        return new Centre(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                CentreType.valueOf(rs.getString("type")),
                rs.getObject("region_id", UUID.class),
                rs.getString("region_name"),
                rs.getString("phone_24h"),
                rs.getString("on_call_arrangement"),
                rs.getBoolean("coagulation_laboratory"),
                rs.getString("laboratory_capability"),
                rs.getBoolean("cover_24h"),
                rs.getString("time_zone"));
    }
}
