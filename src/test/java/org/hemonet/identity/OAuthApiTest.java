package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.internal.SigningKeys;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The API's OAuth2 side (security.md §7, §12), over real HTTP against the running server. */
class OAuthApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:8765/callback";

    @LocalServerPort
    int port;

    @Autowired
    RSAKey tokenSigningKey;

    @Autowired
    AccountAdministration administration;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String base() {
        return "http://localhost:" + port;
    }

    // --- client credentials ---

    @Test
    void systemClientGetsATokenThatTheApiAccepts() throws Exception {
        HttpResponse<String> token = clientCredentials("system/*.rs");
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = JSON.readTree(token.body()).get("access_token").asText();

        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("hemonet-demo-system");
        assertThat(claims.getAudience()).containsExactly("hemonet-api");
        assertThat(claims.getIssuer()).isEqualTo(base());
        assertThat(claims.getStringClaim("role")).isEqualTo("SYSTEM");
        assertThat(claims.getStringClaim("hemonet_account")).isNotBlank();

        HttpResponse<String> me = bearerGet("/api/v1/me", accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("username").asText()).isEqualTo("hemonet-demo-system");
        assertThat(body.get("role").asText()).isEqualTo("SYSTEM");
        assertThat(body.get("centreIds").size()).isZero();
        assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void systemClientWithAWrongSecretGetsNoToken() throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", basic("hemonet-demo-system", "not-the-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials", "scope", "system/*.rs"))));
        assertThat(token.statusCode()).isEqualTo(401);
    }

    @Test
    void systemClientCannotAskForWriteScopes() throws Exception {
        assertThat(clientCredentials("user/*.cruds").statusCode()).isEqualTo(400);
    }

    @Test
    void readOnlyScopeCannotWrite() throws Exception {
        String accessToken = JSON.readTree(clientCredentials("system/*.rs").body())
                .get("access_token")
                .asText();
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(post.body()).get("type").asText()).isEqualTo("https://hemonet.org/problems/forbidden");
    }

    @Test
    void bearerRequestsNeedNoCsrfTokenAndCreateNoSession() throws Exception {
        String accessToken = JSON.readTree(clientCredentials("system/*.rs").body())
                .get("access_token")
                .asText();
        HttpResponse<String> me = bearerGet("/api/v1/me", accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("HEMONET_SESSION"));
    }

    // --- authorization code with PKCE ---

    @Test
    void staffAppSignsInWithSecondFactorAndGetsAUserToken() throws Exception {
        ApiClient browser = new ApiClient(port);
        String verifier = codeVerifier();
        String authorize = authorizeUrl(s256(verifier), "S256", REDIRECT, "user/*.cruds openid");

        HttpResponse<String> first = browser.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Accept", "text/html")
                .GET());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        String afterSignIn = browser.signInAndFollow("clinician.north");
        assertThat(afterSignIn).contains("/oauth2/authorize").contains("client_id=hemonet-demo-app");

        String code = codeFrom(browser.send(HttpRequest.newBuilder(URI.create(afterSignIn))
                .header("Accept", "text/html")
                .GET()));

        HttpResponse<String> token = exchange(code, verifier, REDIRECT);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(token.body());
        String accessToken = tokens.get("access_token").asText();
        assertThat(tokens.get("id_token")).isNotNull();
        assertThat(tokens.has("refresh_token"))
                .as("no refresh token for a public client")
                .isFalse();

        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("clinician.north");
        assertThat(claims.getStringClaim("role")).isEqualTo("CLINICIAN");
        assertThat(claims.getAudience()).containsExactly("hemonet-api");

        HttpResponse<String> me = bearerGet("/api/v1/me", accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("role").asText()).isEqualTo("CLINICIAN");
        assertThat(body.get("centreIds").size()).isPositive();

        // user/*.cruds may write: the POST passes the scope check and reaches the endpoint, which has no POST
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void staffPasswordAloneDoesNotAuthorizeAnApp() throws Exception {
        ApiClient browser = new ApiClient(port);
        browser.get("/login");
        HttpResponse<String> password = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(form(Map.of("username", "clinician.north", "password", "Hemonet-demo-2026!"))));
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/second-factor"));
        HttpResponse<String> authorize = browser.send(
                HttpRequest.newBuilder(URI.create(authorizeUrl(s256(codeVerifier()), "S256", REDIRECT, "user/*.rs")))
                        .header("Accept", "text/html")
                        .GET());
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aBadTokenIsRefusedEvenWithAValidSession() throws Exception {
        ApiClient browser = new ApiClient(port);
        browser.signIn("patient.tom");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
        HttpResponse<String> withBadToken = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                .header("Authorization", "Bearer not-a-token")
                .GET());
        assertThat(withBadToken.statusCode()).isEqualTo(401);
    }

    @Test
    void systemClientIsNotAnAdmin() throws Exception {
        String accessToken = JSON.readTree(clientCredentials("system/*.rs").body())
                .get("access_token")
                .asText();
        assertThat(bearerGet("/api/v1/audit/verify", accessToken).statusCode()).isEqualTo(403);
    }

    @Test
    void systemClientReachesNoPatientData() throws Exception {
        String accessToken = JSON.readTree(clientCredentials("system/*.rs").body())
                .get("access_token")
                .asText();
        UUID someone = UUID.randomUUID();
        for (String path : List.of(
                "/api/v1/patients",
                "/api/v1/patients/" + someone,
                "/api/v1/patients/" + someone + "/deliveries",
                "/api/v1/patients/" + someone + "/stock",
                "/api/v1/patients/" + someone + "/treatment-plans")) {
            HttpResponse<String> response = bearerGet(path, accessToken);
            assertThat(response.statusCode()).as(path + " " + response.body()).isIn(403, 404);
        }
    }

    @Test
    void patientScopesDoNothingForStaff() throws Exception {
        String accessToken = userToken("nurse.north", "patient/*.rs");
        assertThat(bearerGet("/api/v1/me", accessToken).statusCode()).isEqualTo(403);
    }

    @Test
    void patientAppReadsWithPatientScope() throws Exception {
        String accessToken = userToken("patient.tom", "patient/*.rs");
        HttpResponse<String> me = bearerGet("/api/v1/me", accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("patientIds").size()).isPositive();
    }

    @Test
    void plainPkceIsRefused() throws Exception {
        ApiClient browser = new ApiClient(port);
        browser.signIn("patient.tom");
        String verifier = codeVerifier();
        HttpResponse<String> response = browser.send(
                HttpRequest.newBuilder(URI.create(authorizeUrl(verifier, "plain", REDIRECT, "patient/*.rs")))
                        .header("Accept", "text/html")
                        .GET());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(REDIRECT)
                .contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void missingCodeChallengeIsRefused() throws Exception {
        ApiClient browser = new ApiClient(port);
        browser.signIn("patient.tom");
        HttpResponse<String> response =
                browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl(null, null, REDIRECT, "patient/*.rs")))
                        .header("Accept", "text/html")
                        .GET());
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("code=");
        assertThat(response.statusCode() == 400 || location.contains("error=invalid_request"))
                .as("%s %s", response.statusCode(), location)
                .isTrue();
    }

    @Test
    void wrongRedirectUriIsRefusedWithoutRedirecting() throws Exception {
        ApiClient browser = new ApiClient(port);
        browser.signIn("patient.tom");
        for (String redirect : List.of(
                "http://127.0.0.1:8765/callback/extra", "http://localhost:8765/callback", "https://evil.example/cb")) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                            URI.create(authorizeUrl(s256(codeVerifier()), "S256", redirect, "patient/*.rs")))
                    .header("Accept", "text/html")
                    .GET());
            assertThat(response.statusCode()).as(redirect).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void codeExchangeNeedsTheRightVerifier() throws Exception {
        ApiClient browser = new ApiClient(port);
        browser.signIn("patient.tom");
        String verifier = codeVerifier();
        String code = codeFrom(browser.send(
                HttpRequest.newBuilder(URI.create(authorizeUrl(s256(verifier), "S256", REDIRECT, "patient/*.rs")))
                        .header("Accept", "text/html")
                        .GET()));
        assertThat(exchange(code, codeVerifier(), REDIRECT).statusCode()).isEqualTo(400);
    }

    @Test
    void disabledAccountsTokenStopsWorkingAtOnce() throws Exception {
        String username = "token.holder." + UUID.randomUUID().toString().substring(0, 8);
        UUID id = administration.create(
                new NewAccount(username, "Token Holder", Role.PATIENT, "Kite-flying-77", Set.of(), Map.of(), null));
        String accessToken = userToken(username, "patient/*.rs", "Kite-flying-77");
        assertThat(bearerGet("/api/v1/me", accessToken).statusCode()).isEqualTo(200);

        administration.setEnabled(id, false);

        HttpResponse<String> after = bearerGet("/api/v1/me", accessToken);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(after.body()).get("type").asText())
                .isEqualTo("https://hemonet.org/problems/unauthorized");
    }

    @Test
    void aChangeOfRoleAppliesToTheNextBearerCall() throws Exception {
        String username = "role.changer." + UUID.randomUUID().toString().substring(0, 8);
        UUID id = administration.create(
                new NewAccount(username, "Role Changer", Role.PATIENT, "Kite-flying-77", Set.of(), Map.of(), null));
        String accessToken = userToken(username, "patient/*.rs", "Kite-flying-77");
        HttpResponse<String> before = bearerGet("/api/v1/me", accessToken);
        assertThat(JSON.readTree(before.body()).get("role").asText()).isEqualTo("PATIENT");

        administration.reassign(id, Role.NETWORK_ANALYST, Set.of());

        // the token still says PATIENT, but the account is re-read: patient/* scopes no longer apply
        assertThat(bearerGet("/api/v1/me", accessToken).statusCode()).isEqualTo(403);
    }

    // --- forged and stale tokens ---

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(claims(base(), "hemonet-api", Instant.now().plusSeconds(300))
                .toPayload()
                .toString());
        assertUnauthorized(header + "." + payload + ".");
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        assertUnauthorized(sign(
                tokenSigningKey, claims(base(), "hemonet-api", Instant.now().minusSeconds(600))));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey other = SigningKeys.generate();
        RSAKey impostor =
                new RSAKey.Builder(other).keyID(tokenSigningKey.getKeyID()).build();
        assertUnauthorized(
                sign(impostor, claims(base(), "hemonet-api", Instant.now().plusSeconds(300))));
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        String accessToken = JSON.readTree(clientCredentials("system/*.rs").body())
                .get("access_token")
                .asText();
        String[] parts = accessToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("system/*.rs", "system/*.cruds");
        assertUnauthorized(parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        assertUnauthorized(sign(
                tokenSigningKey, claims(base(), "another-api", Instant.now().plusSeconds(300))));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        assertUnauthorized(sign(
                tokenSigningKey,
                claims("https://elsewhere.example", "hemonet-api", Instant.now().plusSeconds(300))));
    }

    @Test
    void aTokenWeSignedOurselvesIsAccepted() throws Exception {
        // the control case for the forged tokens above: same construction, valid values
        HttpResponse<String> me = bearerGet(
                "/api/v1/me",
                sign(
                        tokenSigningKey,
                        claims(base(), "hemonet-api", Instant.now().plusSeconds(300))));
        assertThat(me.statusCode()).isEqualTo(200);
    }

    // --- helpers ---

    private void assertUnauthorized(String token) throws Exception {
        HttpResponse<String> response = bearerGet("/api/v1/me", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }

    private static JWTClaimsSet claims(String issuer, String audience, Instant expires) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("hemonet-demo-system")
                .audience(audience)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .notBeforeTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .claim("role", "SYSTEM")
                .claim("hemonet_account", UUID.randomUUID().toString())
                .claim("scope", List.of("system/*.rs"))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String userToken(String username, String scope) throws Exception {
        return userToken(username, scope, null);
    }

    private String userToken(String username, String scope, String password) throws Exception {
        ApiClient browser = new ApiClient(port);
        if (password == null) {
            browser.signIn(username);
        } else {
            browser.get("/login");
            browser.signInWithPassword(username, password);
        }
        String verifier = codeVerifier();
        String code = codeFrom(
                browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl(s256(verifier), "S256", REDIRECT, scope)))
                        .header("Accept", "text/html")
                        .GET()));
        HttpResponse<String> token = exchange(code, verifier, REDIRECT);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).get("access_token").asText();
    }

    private String codeFrom(HttpResponse<String> authorizeResponse) {
        assertThat(authorizeResponse.statusCode()).isEqualTo(302);
        String location = authorizeResponse.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        assertThat(query).containsKey("code").containsEntry("state", "xyz");
        return query.get("code");
    }

    private HttpResponse<String> exchange(String code, String verifier, String redirect) {
        return send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", redirect,
                        "client_id", "hemonet-demo-app",
                        "code_verifier", verifier))));
    }

    private String authorizeUrl(String challenge, String method, String redirect, String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "hemonet-demo-app");
        params.put("redirect_uri", redirect);
        params.put("scope", scope);
        params.put("state", "xyz");
        if (challenge != null) {
            params.put("code_challenge", challenge);
        }
        if (method != null) {
            params.put("code_challenge_method", method);
        }
        return base() + "/oauth2/authorize?" + encode(params);
    }

    private HttpResponse<String> clientCredentials(String scope) {
        return send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", basic("hemonet-demo-system", "demo-system-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials", "scope", scope))));
    }

    private HttpResponse<String> bearerGet(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> params) {
        return HttpRequest.BodyPublishers.ofString(encode(params));
    }

    private static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String codeVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
