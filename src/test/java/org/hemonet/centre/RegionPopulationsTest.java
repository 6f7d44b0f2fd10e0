package org.hemonet.centre;

import static org.assertj.core.api.Assertions.assertThat;

import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Region populations: CSV import (all or nothing, errors naming line and column) and export (formulas neutralised). */
class RegionPopulationsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void analystImportsPopulationsAndEveryoneReadsThem() {
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        var response = analyst.post(
                "/api/v1/regions/populations",
                "text/csv",
                "region_code,year,population\nNW,2030,7600000\nSE,2030,9500000\n");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(new JsonMapper().readTree(response.body()).get("imported").asInt())
                .isEqualTo(2);
        var list = new ApiClient(port).signIn("clinician.north").get("/api/v1/regions/populations");
        assertThat(list.body()).contains("\"year\":2030", "7600000");
        var csv = analyst.get("/api/v1/regions/populations.csv", "text/csv");
        assertThat(csv.body())
                .startsWith("region_code,region_name,year,population")
                .contains("NW,North West,2030,7600000");
    }

    @Test
    void malformedCsvIsRefusedNamingLineAndColumnAndNothingIsImported() {
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        var badYear = analyst.post(
                "/api/v1/regions/populations",
                "text/csv",
                "region_code,year,population\nNW,2031,7600000\nSE,twenty,9500000\n");
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(badYear.body()).contains("line 3, column 2 (year)");
        assertThat(analyst.get("/api/v1/regions/populations").body()).doesNotContain("\"year\":2031");
        var unknown =
                analyst.post("/api/v1/regions/populations", "text/csv", "region_code,year,population\nXX,2031,1\n");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("line 2, column 1 (region_code)");
        var quote =
                analyst.post("/api/v1/regions/populations", "text/csv", "region_code,year,population\n\"NW,2031,1\n");
        assertThat(quote.statusCode()).isEqualTo(400);
        var header = analyst.post("/api/v1/regions/populations", "text/csv", "a,b,c\nNW,2031,1\n");
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(header.body()).contains("line 1");
    }

    @Test
    void onlyTheNetworkImports() {
        var clinician = new ApiClient(port)
                .signIn("clinician.north")
                .post("/api/v1/regions/populations", "text/csv", "region_code,year,population\nNW,2032,1\n");
        assertThat(clinician.statusCode()).isEqualTo(403);
    }

    @Test
    void formulaCellsAreNeutralised() {
        assertThat(RegionPopulations.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(RegionPopulations.neutralise("+1")).isEqualTo("'+1");
        assertThat(RegionPopulations.neutralise("-1")).isEqualTo("'-1");
        assertThat(RegionPopulations.neutralise("@SUM")).isEqualTo("'@SUM");
        assertThat(RegionPopulations.neutralise("North West")).isEqualTo("North West");
    }
}
