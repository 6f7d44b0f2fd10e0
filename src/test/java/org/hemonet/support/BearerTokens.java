package org.hemonet.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * Access tokens from the running server's authorization server, obtained as an app would: a user signs in (staff with
 * the demo TOTP) and authorizes the demo app with PKCE, or the demo system client uses client credentials.
 */
public final class BearerTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:8765/callback";

    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public BearerTokens(int port) {
        this.port = port;
    }

    /** A token of the demo app for {@code username} (demo password) with {@code scope}. */
    public String user(String username, String scope) {
        ApiClient browser = new ApiClient(port).signIn(username);
        String verifier = randomUrlSafe();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "hemonet-demo-app");
        params.put("redirect_uri", REDIRECT);
        params.put("scope", scope);
        params.put("state", "s");
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
        HttpResponse<String> authorize =
                browser.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/authorize?" + form(params)))
                        .header("Accept", "text/html")
                        .GET());
        String location = authorize.headers().firstValue("Location").orElse("");
        if (authorize.statusCode() != 302 || !location.startsWith(REDIRECT + "?")) {
            throw new AssertionError(
                    "No authorization code for " + username + ": " + authorize.statusCode() + " " + location);
        }
        String code = null;
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("code")) {
                code = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return token(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        String.valueOf(code),
                        "redirect_uri",
                        REDIRECT,
                        "client_id",
                        "hemonet-demo-app",
                        "code_verifier",
                        verifier)))));
    }

    /** A client-credentials token of the demo system client. */
    public String system(String scope) {
        String basic = Base64.getEncoder()
                .encodeToString("hemonet-demo-system:demo-system-secret".getBytes(StandardCharsets.UTF_8));
        return token(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form(Map.of("grant_type", "client_credentials", "scope", scope)))));
    }

    private String token(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("Token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
