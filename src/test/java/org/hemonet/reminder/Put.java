package org.hemonet.reminder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hemonet.support.ApiClient;

/** A JSON PUT through a signed-in {@link ApiClient} (with its CSRF cookie as the header, as the app's script sends it). */
final class Put {

    private Put() {}

    static HttpResponse<String> json(ApiClient client, int port, String path, String json) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
