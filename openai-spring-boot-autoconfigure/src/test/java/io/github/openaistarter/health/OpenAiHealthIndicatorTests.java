package io.github.openaistarter.health;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests {@link OpenAiHealthIndicator} against a loopback server: statuses, details,
 * timeouts, refused connections, no retries, and the cache that keeps probes to one per
 * time to live.
 */
@Timeout(30)
class OpenAiHealthIndicatorTests {

	private static final String API_KEY = "sk-health-secret-2468";

	private static final String MODEL = "gpt-4o-mini";

	/** Generous enough for the first request of a cold JVM. */
	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

	private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

	private final MockWebServer server = new MockWebServer();

	@BeforeEach
	void startServer() throws IOException {
		this.server.start();
		((QueueDispatcher) this.server.getDispatcher()).setFailFast(true);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	private String baseUrl() {
		return this.server.url("/v1").toString();
	}

	/** A transport with the default retry policy: the probe must not use it. */
	private OpenAiTransport transport(String baseUrl) {
		return OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(baseUrl)
			.apiKey(API_KEY)
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)))
			.build();
	}

	private OpenAiHealthIndicator indicator(String model, Duration timeToLive) {
		return new OpenAiHealthIndicator(transport(baseUrl()), model, TIMEOUT, timeToLive);
	}

	private Health check(OpenAiHealthIndicator indicator) {
		return indicator.health().block(Duration.ofSeconds(10));
	}

	private static MockResponse.Builder json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_health_" + status)
			.body(body);
	}

	private static String error(String message, String type, String code) {
		return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
				+ ((code != null) ? "\"" + code + "\"" : "null") + "}}";
	}

	private RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("a probe reached the server").isNotNull();
		return request;
	}

	@Test
	void upWhenTheModelAnswersWithExactDetails() throws InterruptedException {
		this.server.enqueue(json(200,
				"{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1686935002," + "\"owned_by\":\"openai\"}")
			.addHeader("x-ratelimit-remaining-requests", "4999")
			.addHeader("x-ratelimit-remaining-tokens", "159980")
			.build());
		Health health = check(indicator(MODEL, ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails())
			.containsOnlyKeys("baseUrl", "model", "latencyMs", "status", "requestId", "rateLimitRemainingRequests",
					"rateLimitRemainingTokens")
			.containsEntry("baseUrl", baseUrl())
			.containsEntry("model", MODEL)
			.containsEntry("status", 200)
			.containsEntry("requestId", "req_health_200")
			.containsEntry("rateLimitRemainingRequests", 4999L)
			.containsEntry("rateLimitRemainingTokens", 159980L);
		assertThat((Long) health.getDetails().get("latencyMs")).isBetween(0L, 5000L);
		RecordedRequest probe = takeRequest();
		assertThat(probe.getMethod()).isEqualTo("GET");
		assertThat(probe.getTarget()).isEqualTo("/v1/models/gpt-4o-mini");
		assertThat(probe.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(probe.getBodySize()).isZero();
	}

	@Test
	void probesTheModelListWhenNoDefaultModelIsConfigured() throws InterruptedException {
		this.server.enqueue(json(200, "{\"object\":\"list\",\"data\":[]}").build());
		Health health = check(indicator(null, ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("baseUrl", "latencyMs", "status", "requestId");
		assertThat(takeRequest().getTarget()).isEqualTo("/v1/models");
	}

	@Test
	void encodesTheModelAsOnePathSegment() throws InterruptedException {
		this.server.enqueue(json(200, "{\"id\":\"ft:gpt-4o-mini:acme:v1/2\",\"object\":\"model\"}").build());
		assertThat(check(indicator("ft:gpt-4o-mini:acme:v1/2", ONE_MINUTE)).getStatus()).isEqualTo(Status.UP);
		assertThat(takeRequest().getTarget()).isEqualTo("/v1/models/ft%3Agpt-4o-mini%3Aacme%3Av1%2F2");
	}

	@Test
	void downWhenTheKeyIsRejectedWithoutShowingTheKey() {
		this.server.enqueue(json(401,
				error("Incorrect API key provided: " + API_KEY + ".", "invalid_request_error", "invalid_api_key"))
			.build());
		Health health = check(indicator(MODEL, ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 401)
			.containsEntry("requestId", "req_health_401")
			.containsEntry("errorType", "invalid_request_error")
			.containsEntry("error", "The API key was rejected (401 invalid_api_key); check the API key");
		assertThat(health.toString()).doesNotContain(API_KEY).doesNotContain("sk-health");
	}

	@Test
	void downWhenTheKeyLacksPermission() {
		this.server
			.enqueue(json(403, error("You are not allowed to use this model.", "invalid_request_error", null)).build());
		Health health = check(indicator(MODEL, ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 403)
			.containsEntry("error", "The API key was rejected (403); check the API key");
	}

	@Test
	void downWhenTheDefaultModelIsUnknown() {
		this.server
			.enqueue(json(404, error("The model 'gpt-9' does not exist", "invalid_request_error", "model_not_found"))
				.build());
		Health health = check(indicator("gpt-9", ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 404)
			.containsEntry("model", "gpt-9")
			.containsEntry("error", "The model 'gpt-9' is unknown or not available to this key")
			.containsEntry("errorType", "invalid_request_error");
	}

	@Test
	void unknownWhenTheServerDoesNotServeTheModelsEndpoint() {
		this.server
			.enqueue(json(404, "{\"error\":\"Not Found\",\"message\":\"Cannot GET /v1/models/llama3\"}").build());
		Health health = check(indicator("llama3", ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("status", 404)
			.containsEntry("error", "The server does not serve GET /models/llama3 (404: Not Found: Cannot GET"
					+ " /v1/models/llama3), so it cannot be probed; calls may still work");
	}

	@Test
	void upButThrottledWhenRateLimited() {
		this.server.enqueue(json(429, error("Rate limit reached for requests", "requests", "rate_limit_exceeded"))
			.addHeader("retry-after-ms", "20")
			.build());
		Health health = check(indicator(MODEL, ONE_MINUTE));
		assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("throttled", true)
			.containsEntry("status", 429)
			.containsEntry("error", "Rate limited; OpenAI is reachable and the key is accepted")
			.containsEntry("errorType", "requests");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void downOnAServerError() {
		this.server.enqueue(
				json(500, error("The server had an error processing your request.", "server_error", null)).build());
		Health health = check(indicator(MODEL, ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 500)
			.containsEntry("error", "The server had an error processing your request.")
			.containsEntry("errorType", "server_error");
	}

	@Test
	void downOnAnOverloadedServerWithoutRetrying() throws InterruptedException {
		this.server.enqueue(json(503, error("The engine is currently overloaded.", "server_error", null)).build());
		this.server.enqueue(json(200, "{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}").build());
		Health health = check(indicator(MODEL, ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 503);
		Thread.sleep(100);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void downWithinTheTimeoutWhenTheServerDoesNotAnswer() {
		this.server.enqueue(
				json(200, "{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}").headersDelay(5, TimeUnit.SECONDS).build());
		long start = System.nanoTime();
		Health health = check(new OpenAiHealthIndicator(transport(baseUrl()), MODEL, SHORT_TIMEOUT, ONE_MINUTE));
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorType", "OpenAiTimeoutException")
			.doesNotContainKey("status");
		assertThat((String) health.getDetails().get("error")).contains("timed out");
		assertThat(elapsedMillis).isBetween(SHORT_TIMEOUT.toMillis(), SHORT_TIMEOUT.toMillis() + 1500);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void downWhenTheConnectionIsRefused() throws IOException {
		MockWebServer closed = new MockWebServer();
		closed.start();
		String refused = closed.url("/v1").toString();
		closed.close();
		Health health = check(new OpenAiHealthIndicator(transport(refused), MODEL, TIMEOUT, ONE_MINUTE));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("baseUrl", refused)
			.containsEntry("errorType", "OpenAiIoException")
			.doesNotContainKey("status");
		assertThat(health.toString()).doesNotContain(API_KEY);
	}

	@Test
	void aHundredChecksWithinTheTimeToLiveProbeOnce() {
		this.server.enqueue(json(200, "{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}").build());
		OpenAiHealthIndicator indicator = indicator(MODEL, ONE_MINUTE);
		Health first = check(indicator);
		for (int i = 0; i < 99; i++) {
			assertThat(check(indicator)).isSameAs(first);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aFailedProbeIsCachedToo() {
		this.server.enqueue(json(500, error("boom", "server_error", null)).build());
		OpenAiHealthIndicator indicator = indicator(MODEL, ONE_MINUTE);
		for (int i = 0; i < 10; i++) {
			assertThat(check(indicator).getStatus()).isEqualTo(Status.DOWN);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void twentyConcurrentChecksDuringASlowProbeShareIt() {
		this.server
			.enqueue(json(200, "{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}").headersDelay(300, TimeUnit.MILLISECONDS)
				.build());
		OpenAiHealthIndicator indicator = indicator(MODEL, ONE_MINUTE);
		List<Health> results = Flux.range(0, 20)
			.flatMap((i) -> indicator.health().subscribeOn(Schedulers.boundedElastic()), 20)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(results).hasSize(20).allSatisfy((health) -> assertThat(health).isSameAs(results.get(0)));
		assertThat(results.get(0).getStatus()).isEqualTo(Status.UP);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void probesAgainOnceTheTimeToLiveHasPassed() throws InterruptedException {
		this.server.enqueue(json(200, "{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}").build());
		this.server.enqueue(json(503, error("overloaded", "server_error", null)).build());
		OpenAiHealthIndicator indicator = indicator(MODEL, Duration.ofMillis(200));
		assertThat(check(indicator).getStatus()).isEqualTo(Status.UP);
		assertThat(check(indicator).getStatus()).isEqualTo(Status.UP);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		Thread.sleep(300);
		assertThat(check(indicator).getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

}
