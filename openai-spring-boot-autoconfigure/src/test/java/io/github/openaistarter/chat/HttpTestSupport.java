package io.github.openaistarter.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP-level tests: a loopback {@link MockWebServer} per test, the client
 * under test pointed at it, and helpers to serve fixtures and to read what the client
 * sent.
 */
abstract class HttpTestSupport {

	static final String API_KEY = "sk-test-123";

	/**
	 * Whether this run sends straight through the connector rather than through
	 * {@code WebClient}.
	 */

	static final String JSON = "application/json";

	static final String EVENT_STREAM = "text/event-stream";

	/**
	 * One chunk event whose first choice says {@code Once}, to begin a stream that then
	 * stalls.
	 */
	static final String ONCE_CHUNK_EVENT = "data: {\"id\":\"chatcmpl-slow\",\"object\":\"chat.completion.chunk\","
			+ "\"created\":1741570283,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
			+ "\"delta\":{\"role\":\"assistant\",\"content\":\"Once\"},\"finish_reason\":null}]}\n\n";

	/**
	 * Retries on, with short backoffs: 20 ms doubling up to 100 ms, server waits honoured
	 * up to 2 s.
	 */
	static final RetryPolicy SHORT_BACKOFFS = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100),
			Duration.ofSeconds(2));

	/**
	 * Far above any wait the tests ask for, far below a hang: bounds a wait on a loaded
	 * machine.
	 */
	static final Duration SLACK = Duration.ofSeconds(3);

	private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();

	protected final MockWebServer server = new MockWebServer();

	protected ChatCompletionsClient client;

	protected ReactiveChatCompletionsOperations reactive;

	protected ChatCompletionsOperations chat;

	private final List<StallingBody> stallingBodies = new ArrayList<>();

	@BeforeEach
	void startServer() throws IOException {
		this.server.start();
		// an unexpected request gets a 404 at once instead of waiting for a response
		// forever
		((QueueDispatcher) this.server.getDispatcher()).setFailFast(true);
		useClient(transport().build(), Map.of());
	}

	@AfterEach
	void stopServer() {
		this.stallingBodies.forEach(StallingBody::release);
		this.server.close();
	}

	/**
	 * A transport to the test server with the test credentials and headers, to adjust and
	 * build. Retries are off, so each test sees exactly the requests it enqueued;
	 * {@code RetryHttpTests} covers retries.
	 */
	OpenAiTransport.Builder transport() {
		return transport(new ReactorClientHttpConnector());
	}

	/**
	 * A transport to the test server as {@link #transport()}, sending with the given
	 * connector.
	 */
	OpenAiTransport.Builder transport(ClientHttpConnector connector) {
		return OpenAiTransport.builder(connector)
			.baseUrl(this.server.url("/v1").toString())
			.apiKey(API_KEY)
			.header("OpenAI-Organization", "org-1")
			.header("OpenAI-Project", "proj-1")
			.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0));
	}

	void useClient(OpenAiTransport transport, Map<String, Object> defaults) {
		this.client = new ChatCompletionsClient(transport, defaults);
		this.reactive = new ReactiveChatCompletionsTemplate(this.client);
		this.chat = new ChatCompletionsTemplate(this.client);
	}

	void enqueue(MockResponse response) {
		this.server.enqueue(response);
	}

	void enqueueJsonFixture(String name) {
		enqueue(jsonResponse(200, fixture(name)).build());
	}

	/**
	 * Enqueues a stalling event stream; it is released when the test ends.
	 */
	StallingBody enqueueEventStream(StallingBody body) {
		this.stallingBodies.add(body);
		enqueue(body.eventStream());
		return body;
	}

	/**
	 * Enqueues a stalling JSON answer; it is released when the test ends.
	 */
	StallingBody enqueueJson(StallingBody body) {
		this.stallingBodies.add(body);
		enqueue(body.json());
		return body;
	}

	RecordedRequest takeRequest() {
		try {
			RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(request).as("a request reached the server").isNotNull();
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static MockResponse.Builder jsonResponse(int status, String body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_test_1")
			.body(body);
	}

	static MockResponse.Builder eventStream(String body) {
		return eventStream(body, 97);
	}

	/**
	 * A chunked event stream, cut into network chunks of at most the given size.
	 */
	static MockResponse.Builder eventStream(String body, int maxChunkSize) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream; charset=utf-8")
			.addHeader("x-request-id", "req_stream_1")
			.chunkedBody(body, maxChunkSize);
	}

	static String fixture(String name) {
		try (InputStream in = HttpTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode json(String text) {
		return PLAIN_JSON.readTree(text);
	}

	static JsonNode bodyJson(RecordedRequest request) {
		assertThat(request.getBody()).as("request body").isNotNull();
		return json(request.getBody().utf8());
	}

	/**
	 * The path of a request, still percent-encoded, without its query.
	 */
	static String rawPath(RecordedRequest request) {
		String target = request.getTarget();
		int query = target.indexOf('?');
		return (query >= 0) ? target.substring(0, query) : target;
	}

	/**
	 * The query parameters of a request, decoded as a server would decode them, in order,
	 * repeats kept.
	 */
	static List<Map.Entry<String, String>> queryParams(RecordedRequest request) {
		String target = request.getTarget();
		int start = target.indexOf('?');
		List<Map.Entry<String, String>> params = new ArrayList<>();
		if (start < 0) {
			return params;
		}
		for (String pair : target.substring(start + 1).split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			params.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8)));
		}
		return params;
	}

	static void assertSentWithCredentials(RecordedRequest request, String accept) {
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-1");
		assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj-1");
		assertThat(request.getHeaders().get("Accept")).isEqualTo(accept);
	}

	static void assertJsonBodySent(RecordedRequest request) {
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo(JSON);
		assertThat(request.getBodySize()).isPositive();
	}

	/**
	 * Adds {@code x-ratelimit-*} headers as OpenAI writes them: 10000 requests, 9999
	 * left, reset in 6ms; 200000 tokens, 199950 left, reset in 1m30s.
	 */
	static MockResponse.Builder withRateLimitHeaders(MockResponse.Builder response) {
		return response.addHeader("x-ratelimit-limit-requests", "10000")
			.addHeader("x-ratelimit-remaining-requests", "9999")
			.addHeader("x-ratelimit-reset-requests", "6ms")
			.addHeader("x-ratelimit-limit-tokens", "200000")
			.addHeader("x-ratelimit-remaining-tokens", "199950")
			.addHeader("x-ratelimit-reset-tokens", "1m30s");
	}

	static void assertNoBodySent(RecordedRequest request) {
		assertThat(request.getHeaders().get("Content-Type")).isNull();
		assertThat(request.getBodySize()).isZero();
	}

}
