package io.github.openaistarter.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP to the fake, for requests the library's client refuses to send.
 */
final class RawHttp {

	private static final HttpClient client = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private RawHttp() {
	}

	static HttpResponse<String> send(OpenAiFakeServer fake, String method, String pathAndQuery, @Nullable String body) {
		return send(fake.baseUrl() + pathAndQuery, method, body, "Bearer sk-test");
	}

	static HttpResponse<String> send(String url, String method, @Nullable String body, @Nullable String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("content-type", "application/json");
		if (authorization != null) {
			request.header("authorization", authorization);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode error(HttpResponse<String> response) {
		return json.readTree(response.body()).path("error");
	}

	static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
