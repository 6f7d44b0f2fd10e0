package org.hemonet.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP client of the running test server with a browser-like cookie jar: signs in through the login form (and
 * the second-factor form for staff) and
 * sends the CSRF token back as {@code X-XSRF-TOKEN}, as the web UI's script does.
 */
public final class ApiClient {

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ApiClient signIn(String username) {
        signInAndFollow(username);
        return this;
    }

    /**
     * Signs in as {@link #signIn} does and returns where the last sign-in step redirects: the home page, or the page
     * (or OAuth2 authorization request) that sent this client to sign in.
     */
    public String signInAndFollow(String username) {
        get("/login");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + username + "&password=" + SignIn.DEMO_PASSWORD)));
        String location = response.headers().firstValue("Location").orElse("");
        if (location.endsWith("/login/second-factor")) {
            response = send(HttpRequest.newBuilder(URI.create(base + "/login/second-factor"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString("code=" + SignIn.totpCode())));
            location = response.headers().firstValue("Location").orElse("");
        }
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("Sign-in failed for " + username + ": " + response.statusCode() + " " + location);
        }
        return location;
    }

    /** Signs in a patient account with its own password (no second factor); fails if sign-in does not succeed. */
    public String signInWithPassword(String username, String password) {
        get("/login");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error") || location.contains("second-factor")) {
            throw new AssertionError("Sign-in failed for " + username + ": " + response.statusCode() + " " + location);
        }
        return location;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs JSON with extra headers, e.g. {@code Idempotency-Key}. */
    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET accepting the given media type (e.g. {@code text/csv}). */
    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .GET());
    }

    /** A page, as a browser asks for it. */
    public HttpResponse<String> getHtml(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET());
    }

    /** A form post, as a browser sends it (the CSRF token as the header, as the UI's script does for htmx). */
    public HttpResponse<String> postForm(String path, String urlEncodedBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody)));
    }

    /** A PATCH with a JSON body and, unless {@code null}, an {@code If-Match} header. */
    public HttpResponse<String> patchJson(String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A POST of a raw body with the given content type. */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form POST: the text fields, then one file part named {@code file}. */
    public HttpResponse<String> postMultipart(
            String path, Map<String, String> fields, String fileName, String fileType, byte[] file) {
        String boundary = "----hemonet" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose body is kept as bytes (images, files). */
    public HttpResponse<byte[]> getBytes(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "*/*")
                        .GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The current value of a cookie this client holds, or an empty string. */
    public String cookie(String name) {
        return cookies.getOrDefault(name, "");
    }

    private String csrfToken() {
        return cookies.getOrDefault("XSRF-TOKEN", "");
    }
}
