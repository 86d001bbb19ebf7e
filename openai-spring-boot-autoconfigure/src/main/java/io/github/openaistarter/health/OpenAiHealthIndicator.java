package io.github.openaistarter.health;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.core.OpenAiApiException;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiException;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RateLimit;
import io.github.openaistarter.core.RequestOptions;
import io.github.openaistarter.core.ResponseMetadata;
import io.github.openaistarter.ratelimit.RedisRateLimiter;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.http.HttpMethod;

/**
 * Whether OpenAI is reachable with the configured credentials. It probes an endpoint that
 * spends no tokens ({@code GET /models/{model}} for the default model, else
 * {@code GET /models}) with its own short timeout and no retries, and caches the result
 * for a time to live: however often {@code /actuator/health} is polled, there is at most
 * one probe per time to live, and never two at once.
 * <ul>
 * <li>UP on 2xx; also UP on 429 (reachable, authenticated, but throttled: detail
 * {@code throttled=true}), since taking instances out of service would not lift the
 * limit;</li>
 * <li>DOWN on 401 and 403 (the key is rejected; the key is never shown), on 404
 * {@code model_not_found} for the default model (every call without a model of its own
 * would fail), on 5xx, timeouts and connection failures;</li>
 * <li>UNKNOWN on another 404: a compatible server that does not serve the models endpoint
 * cannot be probed (calls may still work).</li>
 * </ul>
 * Details: base URL, model, latency, HTTP status, error type, request id, and the
 * remaining requests and tokens of the latest rate limits.
 */
public class OpenAiHealthIndicator implements ReactiveHealthIndicator {

	private final OpenAiTransport transport;

	private final @Nullable String model;

	private final Duration timeout;

	private final String keySetting;

	private final Mono<Health> cachedHealth;

	/**
	 * Creates the indicator.
	 * @param transport the transport of OpenAI calls
	 * @param model the default model to probe, or {@code null} to probe the model list
	 * @param timeout the probe's timeout
	 * @param timeToLive how long a result is reused
	 */
	public OpenAiHealthIndicator(OpenAiTransport transport, @Nullable String model, Duration timeout,
			Duration timeToLive) {
		this(transport, model, timeout, timeToLive, "the API key");
	}

	/**
	 * Creates the indicator, naming where the key is configured when it is rejected.
	 * @param transport the transport of OpenAI calls
	 * @param model the default model to probe, or {@code null} to probe the model list
	 * @param timeout the probe's timeout
	 * @param timeToLive how long a result is reused
	 * @param keySetting where the key comes from, as the advice on a rejected key says it
	 * (for example a property name)
	 */
	public OpenAiHealthIndicator(OpenAiTransport transport, @Nullable String model, Duration timeout,
			Duration timeToLive, String keySetting) {
		this.transport = transport;
		this.model = model;
		this.timeout = timeout;
		this.keySetting = keySetting;
		this.cachedHealth = Mono.defer(this::probe)
			.cache((health) -> timeToLive, (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<Health> health() {
		return this.cachedHealth;
	}

	private Mono<Health> probe() {
		OpenAiCall.Builder call = OpenAiCall
			.builder((this.model != null) ? "models.retrieve" : "models.list", HttpMethod.GET, "/models")
			.options(RequestOptions.builder().timeout(this.timeout).maxRetries(0).build());
		if (this.model != null) {
			call.pathSegment(this.model);
		}
		long start = System.nanoTime();
		return this.transport.exchange(call.build(), JsonNode.class)
			.map((response) -> details(Health.up(), response.metadata(), start).build())
			.onErrorResume(OpenAiException.class, (ex) -> Mono.just(failed(ex, start)));
	}

	private Health failed(OpenAiException ex, long start) {
		if (ex instanceof OpenAiApiException api) {
			int status = api.statusCode().value();
			Health.Builder builder = (status == 429) ? Health.up().withDetail("throttled", true)
					: (status == 404 && !isUnknownModel(api)) ? Health.unknown() : Health.down();
			return details(builder, api.metadata(), start).withDetail("error", describe(status, api))
				.withDetail("errorType", String.valueOf(api.errorType()))
				.build();
		}
		return details(Health.down(), null, start).withDetail("error", String.valueOf(ex.getMessage()))
			.withDetail("errorType", ex.getClass().getSimpleName())
			.build();
	}

	private String describe(int status, OpenAiApiException ex) {
		if (status == 401 || status == 403) {
			return "The API key was rejected (" + status + ((ex.errorCode() != null) ? " " + ex.errorCode() : "")
					+ "); check " + this.keySetting + (this.transport.isAzure()
							? " (sent in the api-key header: the key of the Azure OpenAI resource)" : "");
		}
		if (status == 404 && isUnknownModel(ex)) {
			return "The model '" + this.model + "' is unknown or not available to this key";
		}
		if (status == 404) {
			return "The server does not serve " + probePath() + " (404: " + ex.errorMessage()
					+ "), so it cannot be probed; calls may still work";
		}
		if (status == 429) {
			return "Rate limited; OpenAI is reachable and the key is accepted";
		}
		return String.valueOf(ex.errorMessage());
	}

	/**
	 * Only OpenAI's {@code model_not_found} says the model is unknown; another 404 is a
	 * missing endpoint.
	 */
	private boolean isUnknownModel(OpenAiApiException ex) {
		return this.model != null && "model_not_found".equals(ex.errorCode());
	}

	private String probePath() {
		return (this.model != null) ? "GET /models/" + this.model : "GET /models";
	}

	private Health.Builder details(Health.Builder builder, @Nullable ResponseMetadata metadata, long start) {
		builder.withDetail("baseUrl", this.transport.baseUrl())
			.withDetail("latencyMs", Duration.ofNanos(System.nanoTime() - start).toMillis());
		if (this.model != null) {
			builder.withDetail("model", this.model);
		}
		if (metadata != null) {
			builder.withDetail("status", metadata.status().value());
			if (metadata.requestId() != null) {
				builder.withDetail("requestId", metadata.requestId());
			}
		}
		if (this.transport.rateLimiter() instanceof RedisRateLimiter shared) {
			builder.withDetail("rateLimitBudget", shared.state());
		}
		RateLimit rateLimit = this.transport.latestRateLimit();
		if (rateLimit.remainingRequests() != null) {
			builder.withDetail("rateLimitRemainingRequests", rateLimit.remainingRequests());
		}
		if (rateLimit.remainingTokens() != null) {
			builder.withDetail("rateLimitRemainingTokens", rateLimit.remainingTokens());
		}
		return builder;
	}

}
