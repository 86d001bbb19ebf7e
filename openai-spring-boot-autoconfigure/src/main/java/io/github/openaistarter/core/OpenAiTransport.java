package io.github.openaistarter.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.Assert;

/**
 * The one place every OpenAI call passes through: it adds the credentials, sends the
 * {@link OpenAiCall} straight through Spring's {@link ClientHttpConnector} (the layer
 * under {@code WebClient}, without its filters and codecs), applies the timeouts, decodes
 * the body with this library's own {@link OpenAiJson JSON mapper} and turns every failure
 * into a typed {@link OpenAiException}.
 *
 * <p>
 * Thread-safe; build one with {@link #builder(ClientHttpConnector)}. It keeps one piece
 * of state: the latest rate limits.
 */
public final class OpenAiTransport {

	/** Default base URL of the OpenAI API. */
	public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	/** Default response timeout: generous, as reasoning models can think for minutes. */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMinutes(10);

	/**
	 * Default stream idle timeout: the longest pause allowed between two chunks of a
	 * stream.
	 */
	public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(2);

	private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

	/** Error bodies are read up to this size; the rest is dropped. */
	private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	private static final byte[] ERROR_MEMBER = "\"error\"".getBytes(StandardCharsets.US_ASCII);

	private final HttpExchanger exchanger;

	private final String baseUrl;

	private final @Nullable String apiKey;

	/**
	 * The header that carries the credentials: {@code Authorization}, or {@code api-key}
	 * for a key of Azure OpenAI.
	 */
	private final String authorizationHeader;

	/** The authorization header's value, built once rather than on every call. */
	private final @Nullable String authorization;

	/** The supplier of bearer tokens sent instead of a key, or {@code null}. */
	private final @Nullable AccessTokenSupplier accessTokens;

	/** Azure OpenAI's routes, or {@code null} for OpenAI's. */
	private final @Nullable AzureRoutes azure;

	private final CallUris uris;

	private final Map<String, String> headers;

	private final List<OpenAiRequestCustomizer> requestCustomizers;

	private final Duration responseTimeout;

	private final Duration streamIdleTimeout;

	private final RetryPolicy retryPolicy;

	private final boolean retryStoredCreates;

	/** Admits each attempt against a budget, or {@code null} to send at once. */
	private final @Nullable RateLimiter rateLimiter;

	private final JsonMapper jsonMapper;

	private final ErrorResponses errorResponses;

	private volatile RateLimit latestRateLimit = RateLimit.NONE;

	private final OpenAiCallObserver observer;

	private final OpenAiEndpoint endpoint;

	private OpenAiTransport(Builder builder) {
		this.exchanger = builder.exchanger;
		this.baseUrl = stripTrailingSlash(builder.baseUrl);
		this.apiKey = builder.apiKey;
		this.azure = builder.azure ? new AzureRoutes(this.baseUrl, builder.azureApiVersion) : null;
		this.uris = new CallUris(this.baseUrl, this.azure);
		this.authorizationHeader = (this.azure != null && builder.accessTokens == null) ? "api-key"
				: HttpExchanger.AUTHORIZATION;
		this.authorization = (this.apiKey == null) ? null
				: (this.azure != null) ? this.apiKey : "Bearer " + this.apiKey;
		this.accessTokens = builder.accessTokens;
		Assert.isTrue(this.accessTokens == null || this.apiKey == null,
				"Set an API key or an access token supplier, not both");
		this.headers = Map.copyOf(builder.headers);
		this.requestCustomizers = List.copyOf(builder.requestCustomizers);
		this.responseTimeout = builder.responseTimeout;
		this.streamIdleTimeout = builder.streamIdleTimeout;
		this.retryPolicy = builder.retryPolicy;
		this.retryStoredCreates = builder.retryStoredCreates;
		this.rateLimiter = builder.rateLimiter;
		this.jsonMapper = builder.jsonMapper;
		this.errorResponses = new ErrorResponses(this.jsonMapper);
		this.endpoint = new OpenAiEndpoint(builder.clientName, this.baseUrl, this.azure != null);
		this.observer = builder.observer.forEndpoint(this.endpoint);
	}

	/**
	 * Starts building a transport that sends straight through a
	 * {@link ClientHttpConnector}, the layer under {@code WebClient}: the connector's
	 * pool, timeouts, TLS, proxy and compression apply. What a {@code WebClient} filter
	 * would do is done by an {@link OpenAiRequestCustomizer} (headers of every attempt)
	 * and an {@link OpenAiCallObserver} (responses, items, retries, outcomes).
	 * @param connector the connector to send with
	 * @return a builder
	 */
	public static Builder builder(ClientHttpConnector connector) {
		Assert.notNull(connector, "connector must not be null");
		return new Builder(new HttpExchanger(connector));
	}

	/**
	 * Whether this transport talks to Azure OpenAI ({@link Builder#azure(String)}): the
	 * key goes in the {@code api-key} header, and deployments stand for models.
	 * @return whether it is Azure OpenAI
	 */
	public boolean isAzure() {
		return this.azure != null;
	}

	/**
	 * What this transport talks to: its client's name, the server and the provider.
	 * @return the endpoint
	 */
	public OpenAiEndpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * The base URL calls are sent to.
	 * @return for example {@code https://api.openai.com/v1}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The retry policy of calls that set no retry budget of their own.
	 * @return the policy
	 */
	public RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	/**
	 * What admits each attempt against a budget before it is sent.
	 * @return the rate limiter, or {@code null} when calls are sent at once
	 */
	public @Nullable RateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	/**
	 * Whether a create that stores its completion ({@code store: true}) is retried like
	 * any create after a failure that may have reached OpenAI (a 5xx, a reset
	 * connection), at the risk of a duplicate stored completion.
	 * @return {@code true} unless the builder was told otherwise
	 */
	public boolean retriesStoredCreates() {
		return this.retryStoredCreates;
	}

	/**
	 * The rate limits of the most recent response that carried {@code x-ratelimit-*}
	 * headers.
	 * @return the latest rate limits, {@link RateLimit#NONE} before any
	 */
	public RateLimit latestRateLimit() {
		return this.latestRateLimit;
	}

	/**
	 * The mapper of OpenAI traffic.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Serializes a request body with the OpenAI mapper.
	 * @param body the body
	 * @return the JSON bytes
	 */
	public byte[] toJson(Object body) {
		return this.jsonMapper.writeValueAsBytes(body);
	}

	/**
	 * Sends a call and decodes its JSON answer, retrying as the {@link RetryPolicy}
	 * allows.
	 * @param <T> the body type
	 * @param call the call
	 * @param type the body type
	 * @return the body with its metadata; fails with an {@link OpenAiException}
	 */
	public <T> Mono<OpenAiResponse<T>> exchange(OpenAiCall call, Class<T> type) {
		return exchange(call, this.jsonMapper.constructType(type));
	}

	/**
	 * Sends a call and decodes its JSON answer into a generic type, retrying as the
	 * {@link RetryPolicy} allows.
	 * @param <T> the body type
	 * @param call the call
	 * @param type the body type
	 * @return the body with its metadata; fails with an {@link OpenAiException}
	 */
	public <T> Mono<OpenAiResponse<T>> exchange(OpenAiCall call, TypeReference<T> type) {
		return exchange(call, this.jsonMapper.constructType(type));
	}

	private <T> Mono<OpenAiResponse<T>> exchange(OpenAiCall call, JavaType type) {
		Duration timeout = timeout(call);
		return Observed.mono(this.observer, call.operation(), call, (observation) -> {
			Function<RateLimiter.Permit, Mono<OpenAiResponse<T>>> sendOnce = (permit) -> send(call,
					MediaType.APPLICATION_JSON, observation, (response) -> {
						ResponseMetadata metadata = received(response, observation, permit);
						if (!response.status().is2xxSuccessful()) {
							return error(call, metadata, response);
						}
						return DataBufferUtils.join(response.body(), MAX_BODY_BYTES).map((buffer) -> {
							T body = decode(call, metadata, buffer, type);
							permit.item(body);
							return new OpenAiResponse<T>(body, metadata);
						})
							.switchIfEmpty(Mono.error(() -> new OpenAiDecodingException(
									call.describe() + " answered " + metadata.status().value() + " with an empty body",
									null, metadata.requestId())))
							.onErrorMap(
									(ex) -> Failures.translate(call, ex, true, metadata.requestId(), MAX_BODY_BYTES));
					});
			RateLimiter limiter = this.rateLimiter;
			Mono<OpenAiResponse<T>> attempt = ((limiter != null) ? limiter.acquire(call).flatMap(sendOnce)
					: sendOnce.apply(RateLimiter.Permit.NONE))
				.transform(ResponseTimeout.of(timeout, () -> timedOut(call, "no complete answer within", timeout)))
				.onErrorMap((ex) -> Failures.translate(call, ex, false, null, MAX_BODY_BYTES));
			return Retrying.mono(attempt, call, retryPolicy(call), observation);
		});
	}

	/**
	 * Sends a call whose answer is a stream, and hands its body to a decoder once the
	 * status is known to be a success. The first item must arrive within the response
	 * timeout, each next one within the stream idle timeout. A stream is retried only
	 * while it has delivered nothing. Cancelling the returned flux closes the HTTP
	 * exchange.
	 * @param <T> the decoded item type
	 * @param call the call
	 * @param decoder turns the metadata and raw body of a successful response into items
	 * @return the decoded items; fails with an {@link OpenAiException}
	 */
	public <T> Flux<T> stream(OpenAiCall call, BiFunction<ResponseMetadata, Flux<DataBuffer>, Flux<T>> decoder) {
		Duration firstTimeout = timeout(call);
		return Observed.flux(this.observer, call.operation(), call, (observation) -> {
			Function<RateLimiter.Permit, Flux<T>> sendOnce = (permit) -> sendForStream(call, observation,
					(response) -> {
						ResponseMetadata metadata = received(response, observation, permit);
						if (!response.status().is2xxSuccessful()) {
							return this.<T>error(call, metadata, response).flux();
						}
						Flux<T> items = decoder.apply(metadata, response.body());
						return (permit != RateLimiter.Permit.NONE) ? items.doOnNext(permit::item) : items;
					});
			RateLimiter limiter = this.rateLimiter;
			Flux<T> attempt = ((limiter != null) ? limiter.acquire(call).flatMapMany(sendOnce)
					: sendOnce.apply(RateLimiter.Permit.NONE))
				.transform(IdleTimeout.of(firstTimeout, this.streamIdleTimeout,
						() -> timedOut(call, "no stream chunk within", firstTimeout),
						() -> timedOut(call, "the stream was idle for", this.streamIdleTimeout), Schedulers.parallel()))
				.onErrorMap((ex) -> Failures.translate(call, ex, false, null, MAX_BODY_BYTES));
			return Retrying.flux(attempt, call, retryPolicy(call), observation);
		});
	}

	/**
	 * The observer told about every call of this transport, for operations made of
	 * several calls (a walk over pages) to be observed alike.
	 * @return the observer
	 */
	public OpenAiCallObserver observer() {
		return this.observer;
	}

	private Duration timeout(OpenAiCall call) {
		Duration timeout = call.options().timeout();
		return (timeout != null) ? timeout : this.responseTimeout;
	}

	private RetryPolicy retryPolicy(OpenAiCall call) {
		Integer maxRetries = call.options().maxRetries();
		return (maxRetries != null) ? this.retryPolicy.withMaxRetries(maxRetries) : this.retryPolicy;
	}

	/**
	 * Sends an attempt with the key, or with a token asked for now when the transport has
	 * a token supplier.
	 */
	private <R> Mono<R> send(OpenAiCall call, MediaType accept, OpenAiCallObserver.CallObservation observation,
			Function<HttpAnswer, Mono<R>> handler) {
		if (this.accessTokens == null) {
			return this.exchanger.exchangeToMono(request(call, accept, observation, this.authorization), handler);
		}
		return bearer(call).flatMap((authorization) -> this.exchanger
			.exchangeToMono(request(call, accept, observation, authorization), handler));
	}

	private <R> Flux<R> sendForStream(OpenAiCall call, OpenAiCallObserver.CallObservation observation,
			Function<HttpAnswer, Flux<R>> handler) {
		if (this.accessTokens == null) {
			return this.exchanger
				.exchangeToFlux(request(call, MediaType.TEXT_EVENT_STREAM, observation, this.authorization), handler);
		}
		return bearer(call).flatMapMany((authorization) -> this.exchanger
			.exchangeToFlux(request(call, MediaType.TEXT_EVENT_STREAM, observation, authorization), handler));
	}

	private Mono<String> bearer(OpenAiCall call) {
		AccessTokenSupplier tokens = this.accessTokens;
		Assert.state(tokens != null, "no access token supplier");
		return Mono.defer(tokens::accessToken)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("the supplier gave no token")))
			.map((token) -> "Bearer " + token)
			.onErrorMap((ex) -> !(ex instanceof OpenAiException),
					(ex) -> new OpenAiCredentialsException(
							"Could not get an access token for " + call.describe() + ": " + bounded(ex.getMessage()),
							ex));
	}

	private HttpExchanger.HttpRequest request(OpenAiCall call, MediaType accept,
			OpenAiCallObserver.CallObservation observation, @Nullable String authorization) {
		return new HttpExchanger.HttpRequest(call.method(), this.uris.of(call),
				(target) -> addHeaders(target, call, observation, authorization), accept, call.body());
	}

	/**
	 * The headers of an attempt: the transport's, the call's, the credentials, what the
	 * observation propagates (trace context), then the customizers'.
	 */
	private void addHeaders(HttpHeaders target, OpenAiCall call, OpenAiCallObserver.CallObservation observation,
			@Nullable String authorization) {
		this.headers.forEach(target::set);
		call.options().headers().forEach(target::set);
		if (authorization != null) {
			target.set(this.authorizationHeader, authorization);
		}
		observation.headers(target);
		for (OpenAiRequestCustomizer customizer : this.requestCustomizers) {
			customizer.customize(call, target);
		}
	}

	/**
	 * Reads a response's metadata, keeps its rate limits as the latest known and tells
	 * the observation.
	 */
	private ResponseMetadata received(HttpAnswer response, OpenAiCallObserver.CallObservation observation,
			RateLimiter.Permit permit) {
		ResponseMetadata metadata = ResponseMetadata.of(response.status(), response.headers());
		permit.answered(metadata);
		if (metadata.rateLimit().isKnown()) {
			this.latestRateLimit = metadata.rateLimit();
		}
		observation.response(metadata);
		return metadata;
	}

	private <T> Mono<T> error(OpenAiCall call, ResponseMetadata metadata, HttpAnswer response) {
		Flux<DataBuffer> head = DataBufferUtils.takeUntilByteCount(response.body(), MAX_ERROR_BODY_BYTES);
		return DataBufferUtils.join(head).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.onErrorResume((ex) -> Mono.empty())
			.defaultIfEmpty(new byte[0])
			.flatMap((bytes) -> Mono.error(this.errorResponses.toException(call, metadata, bytes)));
	}

	private <T> T decode(OpenAiCall call, ResponseMetadata metadata, DataBuffer buffer, JavaType type) {
		if (isErrorBody(buffer)) {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			throw this.errorResponses.toException(call, metadata, bytes);
		}
		try {
			return this.jsonMapper.readValue(buffer.asInputStream(true), type);
		}
		catch (JacksonException ex) {
			throw new OpenAiDecodingException("Could not read the answer of " + call.describe() + " as "
					+ type.getRawClass().getSimpleName() + ": " + bounded(ex.getOriginalMessage()), ex,
					metadata.requestId());
		}
	}

	/**
	 * Whether a successful answer is an error in disguise: a JSON object whose first
	 * member is {@code error}, as some compatible servers answer with 200. Looks at the
	 * first bytes only.
	 */
	private static boolean isErrorBody(DataBuffer buffer) {
		int at = buffer.readPosition();
		int end = buffer.writePosition();
		at = skipWhitespace(buffer, at, end);
		if (at >= end || buffer.getByte(at) != '{') {
			return false;
		}
		at = skipWhitespace(buffer, at + 1, end);
		for (byte expected : ERROR_MEMBER) {
			if (at >= end || buffer.getByte(at++) != expected) {
				return false;
			}
		}
		return true;
	}

	private static int skipWhitespace(DataBuffer buffer, int from, int end) {
		int at = from;
		while (at < end && Character.isWhitespace(buffer.getByte(at))) {
			at++;
		}
		return at;
	}

	private static String bounded(@Nullable String message) {
		String text = Secrets.redact(String.valueOf(message));
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	private static OpenAiTimeoutException timedOut(OpenAiCall call, String what, Duration timeout) {
		return new OpenAiTimeoutException(call.describe() + " timed out: " + what + " " + timeout, timeout, null, null);
	}

	/** A timeout signal that fails with the given exception when it fires. */
	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@Override
	public String toString() {
		return "OpenAiTransport[client=" + this.endpoint.clientName() + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ Secrets.mask(this.apiKey) + ", sends through " + this.exchanger + "]";
	}

	/**
	 * Builds an {@link OpenAiTransport}.
	 */
	public static final class Builder {

		private final HttpExchanger exchanger;

		private String clientName = OpenAiEndpoint.DEFAULT_CLIENT_NAME;

		private String baseUrl = DEFAULT_BASE_URL;

		private @Nullable String apiKey;

		private @Nullable AccessTokenSupplier accessTokens;

		private boolean azure;

		private @Nullable String azureApiVersion;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final List<OpenAiRequestCustomizer> requestCustomizers = new ArrayList<>();

		private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

		private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;

		private JsonMapper jsonMapper = OpenAiJson.createMapper();

		private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

		private boolean retryStoredCreates = true;

		private @Nullable RateLimiter rateLimiter;

		private OpenAiCallObserver observer = OpenAiCallObserver.NONE;

		private Builder(HttpExchanger exchanger) {
			this.exchanger = exchanger;
		}

		/**
		 * Names the client this transport serves, as observations and meters tag its
		 * calls (default {@value OpenAiEndpoint#DEFAULT_CLIENT_NAME}).
		 * @param clientName the name
		 * @return this builder
		 */
		public Builder clientName(String clientName) {
			Assert.hasText(clientName, "clientName must not be empty");
			this.clientName = clientName;
			return this;
		}

		/**
		 * Sets the base URL, default {@value OpenAiTransport#DEFAULT_BASE_URL}.
		 * @param baseUrl the base URL, including the version path
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			Assert.hasText(baseUrl, "baseUrl must not be empty");
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Talks to Azure OpenAI: the key goes in the {@code api-key} header. Without an
		 * API version, calls go to the v1 API under {@code <resource>/openai/v1}, as they
		 * would to OpenAI. With one, create and stream go to the deployment the request's
		 * model names,
		 * {@code <resource>/openai/deployments/{model}/chat/completions?api-version=...},
		 * and the other calls (stored completions, models) to the v1 API. The base URL is
		 * the resource's endpoint, with or without {@code /openai/v1}.
		 * @param apiVersion the API version of the deployment routes
		 * ({@code 2024-10-21}), or {@code null} for the v1 API
		 * @return this builder
		 */
		public Builder azure(@Nullable String apiVersion) {
			Assert.isTrue(apiVersion == null || !apiVersion.isBlank(), "apiVersion must not be blank");
			this.azure = true;
			this.azureApiVersion = apiVersion;
			return this;
		}

		/**
		 * Sets the API key, sent as {@code Authorization: Bearer <key>} (as
		 * {@code api-key: <key>} on {@link #azure(String) Azure OpenAI}).
		 * @param apiKey the key, or {@code null} for a server that needs none
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey : null;
			return this;
		}

		/**
		 * Authenticates with bearer tokens instead of an API key, for example Microsoft
		 * Entra ID tokens for Azure OpenAI: each attempt asks the supplier for a token
		 * and sends it as {@code Authorization: Bearer <token>}.
		 * @param accessTokens the supplier, or {@code null} to use the API key
		 * @return this builder
		 */
		public Builder accessTokens(@Nullable AccessTokenSupplier accessTokens) {
			this.accessTokens = accessTokens;
			return this;
		}

		/**
		 * Adds a header sent with every call, such as {@code OpenAI-Organization}; a
		 * {@code null} value adds nothing.
		 * @param name the header name
		 * @param value the header value
		 * @return this builder
		 */
		public Builder header(String name, @Nullable String value) {
			if (value != null && !value.isBlank()) {
				// lower case, as every header the transport writes (see HttpExchanger)
				this.headers.put(name.toLowerCase(Locale.ROOT), value);
			}
			return this;
		}

		/**
		 * Sets the default response timeout: the longest wait for a complete answer, or
		 * for a stream's first chunk.
		 * @param responseTimeout the timeout
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			Assert.isTrue(!responseTimeout.isNegative() && !responseTimeout.isZero(),
					"responseTimeout must be positive");
			this.responseTimeout = responseTimeout;
			return this;
		}

		/**
		 * Sets the stream idle timeout: the longest pause between two chunks of a stream.
		 * @param streamIdleTimeout the timeout
		 * @return this builder
		 */
		public Builder streamIdleTimeout(Duration streamIdleTimeout) {
			Assert.isTrue(!streamIdleTimeout.isNegative() && !streamIdleTimeout.isZero(),
					"streamIdleTimeout must be positive");
			this.streamIdleTimeout = streamIdleTimeout;
			return this;
		}

		/**
		 * Replaces the JSON mapper of OpenAI traffic (default
		 * {@link OpenAiJson#createMapper()}).
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Sets the retry policy (default {@link RetryPolicy#DEFAULT}: 2 retries).
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			Assert.notNull(retryPolicy, "retryPolicy must not be null");
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Sets whether a create with {@code store: true} is retried like any create after
		 * a 5xx or a reset (default {@code true}, as OpenAI's SDKs do). {@code false}
		 * never risks a duplicate stored completion: such a create is then retried only
		 * when it surely did not reach OpenAI (a refused connection, a 429).
		 * @param retryStoredCreates whether to
		 * @return this builder
		 */
		public Builder retryStoredCreates(boolean retryStoredCreates) {
			this.retryStoredCreates = retryStoredCreates;
			return this;
		}

		/**
		 * Admits each attempt of a call against a budget before it is sent, such as the
		 * request and token budgets of {@code io.github.openaistarter.ratelimit}; a retry
		 * takes budget like any call.
		 * @param rateLimiter the limiter, or {@code null} to send at once (the default)
		 * @return this builder
		 */
		public Builder rateLimiter(@Nullable RateLimiter rateLimiter) {
			this.rateLimiter = rateLimiter;
			return this;
		}

		/**
		 * Sets the observer told about every call: Micrometer observations, request
		 * logging.
		 * @param observer the observer (default {@link OpenAiCallObserver#NONE})
		 * @return this builder
		 */
		public Builder observer(OpenAiCallObserver observer) {
			Assert.notNull(observer, "observer must not be null");
			this.observer = observer;
			return this;
		}

		/**
		 * Adds a customizer of the headers of every attempt of every call, applied in the
		 * order added, after the starter's own headers (so it has the last word).
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder requestCustomizer(OpenAiRequestCustomizer customizer) {
			Assert.notNull(customizer, "customizer must not be null");
			this.requestCustomizers.add(customizer);
			return this;
		}

		/**
		 * Builds the transport.
		 * @return the transport
		 */
		public OpenAiTransport build() {
			return new OpenAiTransport(this);
		}

	}

}
