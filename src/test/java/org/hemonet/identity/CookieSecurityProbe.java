package org.hemonet.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hemonet.support.SignIn;

/**
 * Signs in through the real login form over plain http, optionally as a TLS proxy would forward it ({@code
 * X-Forwarded-Proto: https}), and keeps every {@code Set-Cookie} and the HSTS header of the answers.
 */
final class CookieSecurityProbe {

    record Answers(List<String> setCookies, Optional<String> hsts) {

        String cookie(String name) {
            return setCookies.stream()
                    .filter(c -> c.startsWith(name + "="))
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + setCookies));
        }

        static boolean secure(String setCookie) {
            for (String attribute : setCookie.split(";")) {
                if (attribute.trim().equalsIgnoreCase("Secure")) {
                    return true;
                }
            }
            return false;
        }
    }

    private CookieSecurityProbe() {}

    static Answers signIn(int port, String username, boolean forwardedHttps) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        List<String> setCookies = new ArrayList<>();
        HttpResponse<String> page =
                send(http, request(base + "/login", forwardedHttps).GET());
        setCookies.addAll(page.headers().allValues("Set-Cookie"));
        String csrf = value(setCookies, "XSRF-TOKEN");
        String session = setCookies.stream()
                .filter(c -> c.startsWith("HEMONET_SESSION="))
                .map(c -> "; " + c.split(";", 2)[0])
                .findFirst()
                .orElse("");
        HttpResponse<String> signIn = send(
                http,
                request(base + "/login", forwardedHttps)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "XSRF-TOKEN=" + csrf + session)
                        .header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + username + "&password=" + SignIn.DEMO_PASSWORD)));
        if (signIn.statusCode() != 302
                || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in failed: " + signIn.statusCode() + " " + signIn.headers());
        }
        setCookies.addAll(signIn.headers().allValues("Set-Cookie"));
        Optional<String> hsts = signIn.headers()
                .firstValue("Strict-Transport-Security")
                .or(() -> page.headers().firstValue("Strict-Transport-Security"));
        return new Answers(setCookies, hsts);
    }

    private static HttpRequest.Builder request(String url, boolean forwardedHttps) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (forwardedHttps) {
            request.header("X-Forwarded-Proto", "https");
        }
        return request;
    }

    private static String value(List<String> setCookies, String name) {
        return setCookies.stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.split(";", 2)[0].substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
