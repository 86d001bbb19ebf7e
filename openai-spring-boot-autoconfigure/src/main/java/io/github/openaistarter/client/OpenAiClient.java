package io.github.openaistarter.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.core.AccessTokenSupplier;
import io.github.openaistarter.core.LoggingCallObserver;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiEndpoint;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.core.OpenAiRequestCustomizer;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RateLimiter;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.Assert;

/**
 * An OpenAI client: the blocking and reactive Chat Completions operations over one
 * transport. Spring Boot's auto-configuration builds one from {@code openai.*} (and one
 * per named client); without Spring Boot, build one with {@link #builder()}:
 *
 * <pre class="code">
 * try (OpenAiClient client = OpenAiClient.builder()
 *         .apiKey(System.getenv("OPENAI_API_KEY"))
 *         .defaultModel("gpt-4.1-mini")
 *         .build()) {
 *     String answer = client.chat().create(ChatCompletionRequest.of(List.of(UserMessage.of("Hi")))).text();
 * }
 * </pre>
 *
 * Thread-safe; build one per server and share it. {@link #close()} frees the connection
 * pool the builder made.
 */
public final class OpenAiClient implements AutoCloseable {

	private final OpenAiTransport transport;

	private final ReactiveChatCompletionsOperations reactiveChat;

	private final ChatCompletionsOperations chat;

	private final @Nullable String defaultModel;

	private final @Nullable AutoCloseable ownedPool;

	private OpenAiClient(OpenAiTransport transport, ReactiveChatCompletionsOperations reactiveChat,
			ChatCompletionsOperations chat, @Nullable String defaultModel, @Nullable AutoCloseable ownedPool) {
		this.transport = transport;
		this.reactiveChat = reactiveChat;
		this.chat = chat;
		this.defaultModel = defaultModel;
		this.ownedPool = ownedPool;
	}

	/**
	 * Starts building a client.
	 * @return a builder with OpenAI's defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A client over a transport built elsewhere.
	 * @param transport the transport
	 * @param chatDefaults request fields by wire name (for example {@code model}) that
	 * apply when a request leaves them unset
	 * @return the client; closing it leaves the transport's pool open
	 */
	public static OpenAiClient of(OpenAiTransport transport, Map<String, ?> chatDefaults) {
		return create(transport, chatDefaults, null);
	}

	private static OpenAiClient create(OpenAiTransport transport, Map<String, ?> chatDefaults,
			@Nullable AutoCloseable ownedPool) {
		ReactiveChatCompletionsOperations reactive = new ReactiveChatCompletionsTemplate(
				new ChatCompletionsClient(transport, Map.<String, Object>copyOf(chatDefaults)), transport.observer());
		return new OpenAiClient(transport, reactive,
				new ChatCompletionsTemplate(reactive.withResponse(), transport.observer()),
				(chatDefaults.get("model") instanceof String model) ? model : null, ownedPool);
	}

	/**
	 * A client of operations built elsewhere, for example beans an application declared
	 * itself.
	 * @param transport the transport the operations send through
	 * @param reactiveChat the reactive operations
	 * @param chat the blocking operations
	 * @param defaultModel the model requests use when they name none, or {@code null}
	 * @return the client; closing it leaves the transport's pool open
	 */
	public static OpenAiClient of(OpenAiTransport transport, ReactiveChatCompletionsOperations reactiveChat,
			ChatCompletionsOperations chat, @Nullable String defaultModel) {
		return new OpenAiClient(transport, reactiveChat, chat, defaultModel, null);
	}

	/**
	 * The client's name: {@value OpenAiEndpoint#DEFAULT_CLIENT_NAME} unless it was given
	 * one.
	 * @return the name, as observations and meters tag its calls
	 */
	public String name() {
		return this.transport.endpoint().clientName();
	}

	/**
	 * The blocking Chat Completions operations.
	 * @return the operations
	 */
	public ChatCompletionsOperations chat() {
		return this.chat;
	}

	/**
	 * The reactive Chat Completions operations.
	 * @return the operations
	 */
	public ReactiveChatCompletionsOperations reactiveChat() {
		return this.reactiveChat;
	}

	/**
	 * The transport every call of this client passes through: base URL, rate limits seen,
	 * retry policy.
	 * @return the transport
	 */
	public OpenAiTransport transport() {
		return this.transport;
	}

	/**
	 * The model requests use when they name none.
	 * @return the model, or {@code null} when requests must name one
	 */
	public @Nullable String defaultModel() {
		return this.defaultModel;
	}

	/**
	 * Frees the connection pool the builder made for this client (a pool passed to
	 * {@link Builder#pool(OpenAiConnectionPool)} stays open). Calls in flight fail.
	 */
	@Override
	public void close() {
		if (this.ownedPool != null) {
			try {
				this.ownedPool.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close the connection pool of " + this, ex);
			}
		}
	}

	@Override
	public String toString() {
		return "OpenAiClient[" + this.transport + "]";
	}

	/**
	 * Builds an {@link OpenAiClient}. Every setting has the default the starter's
	 * properties have.
	 */
	public static final class Builder {

		private String name = OpenAiEndpoint.DEFAULT_CLIENT_NAME;

		private String baseUrl = OpenAiTransport.DEFAULT_BASE_URL;

		private @Nullable String apiKey;

		private @Nullable AccessTokenSupplier accessTokens;

		private @Nullable String organization;

		private @Nullable String project;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private boolean azure;

		private @Nullable String azureApiVersion;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration responseTimeout = OpenAiTransport.DEFAULT_RESPONSE_TIMEOUT;

		private Duration streamIdleTimeout = OpenAiTransport.DEFAULT_STREAM_IDLE_TIMEOUT;

		private @Nullable OpenAiConnectionPool pool;

		private Consumer<OpenAiConnectionPool.Builder> poolSettings = (pool) -> {
		};

		private @Nullable OpenAiProxy proxy;

		private @Nullable SslBundle sslBundle;

		private boolean compression = true;

		private boolean wiretap;

		private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

		private boolean retryStoredCreates = true;

		private @Nullable RateLimiter rateLimiter;

		private final List<OpenAiCallObserver> observers = new ArrayList<>();

		private final Map<String, Object> chatDefaults = new LinkedHashMap<>();

		private final List<OpenAiRequestCustomizer> requestCustomizers = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Names the client, as observations and meters tag its calls (default
		 * {@value OpenAiEndpoint#DEFAULT_CLIENT_NAME}).
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			Assert.hasText(name, "name must not be empty");
			this.name = name;
			return this;
		}

		/**
		 * Sets the base URL, including the version path (default
		 * {@value OpenAiTransport#DEFAULT_BASE_URL}).
		 * @param baseUrl for example {@code http://localhost:11434/v1} for Ollama
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			Assert.hasText(baseUrl, "baseUrl must not be empty");
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Sets the API key. It is sent only as a header and never logged or printed.
		 * @param apiKey the key, or {@code null} for a server that needs none
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Authenticates with bearer tokens instead of an API key, such as Microsoft Entra
		 * ID tokens for Azure OpenAI (see {@link OpenAiTransport.Builder#accessTokens}).
		 * @param accessTokens the supplier, or {@code null} to use the API key
		 * @return this builder
		 */
		public Builder accessTokens(@Nullable AccessTokenSupplier accessTokens) {
			this.accessTokens = accessTokens;
			return this;
		}

		/**
		 * Sets the organization sent as {@code OpenAI-Organization}.
		 * @param organization the organization ID, or {@code null}
		 * @return this builder
		 */
		public Builder organization(@Nullable String organization) {
			this.organization = organization;
			return this;
		}

		/**
		 * Sets the project sent as {@code OpenAI-Project}.
		 * @param project the project ID, or {@code null}
		 * @return this builder
		 */
		public Builder project(@Nullable String project) {
			this.project = project;
			return this;
		}

		/**
		 * Adds a header sent with every call; a {@code null} or blank value adds nothing.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, @Nullable String value) {
			Assert.hasText(name, "name must not be empty");
			if (value != null) {
				this.headers.put(name, value);
			}
			return this;
		}

		/**
		 * Talks to Azure OpenAI (see {@link OpenAiTransport.Builder#azure(String)}): the
		 * key goes in the {@code api-key} header; with an API version, create and stream
		 * go to the deployment the request's model names.
		 * @param apiVersion the API version of the deployment routes, or {@code null} for
		 * the v1 API
		 * @return this builder
		 */
		public Builder azure(@Nullable String apiVersion) {
			Assert.isTrue(apiVersion == null || !apiVersion.isBlank(), "apiVersion must not be blank");
			this.azure = true;
			this.azureApiVersion = apiVersion;
			return this;
		}

		/**
		 * Sets the longest wait for a connection (default 10 s).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			Assert.isTrue(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * Sets the longest wait for a complete answer, or for a stream's first chunk
		 * (default 10 min).
		 * @param responseTimeout the timeout
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
			return this;
		}

		/**
		 * Sets the longest pause between two chunks of a stream (default 2 min).
		 * @param streamIdleTimeout the timeout
		 * @return this builder
		 */
		public Builder streamIdleTimeout(Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
			return this;
		}

		/**
		 * Sends over a pool of connections of the caller's, which
		 * {@link OpenAiClient#close()} leaves open. Without one, the client makes a pool
		 * of its own ({@link #poolSettings}) and closes it with itself.
		 * @param pool the pool
		 * @return this builder
		 */
		public Builder pool(OpenAiConnectionPool pool) {
			Assert.notNull(pool, "pool must not be null");
			this.pool = pool;
			return this;
		}

		/**
		 * Sets up the pool the client makes for itself and closes with itself (its size,
		 * waits and connection lifetimes); replaces a pool given to
		 * {@link #pool(OpenAiConnectionPool)}.
		 * @param settings applies settings to the pool's builder
		 * @return this builder
		 */
		public Builder poolSettings(Consumer<OpenAiConnectionPool.Builder> settings) {
			Assert.notNull(settings, "settings must not be null");
			this.pool = null;
			this.poolSettings = settings;
			return this;
		}

		/**
		 * Sends through an HTTP proxy.
		 * @param proxy the proxy, or {@code null} to connect directly
		 * @return this builder
		 */
		public Builder proxy(@Nullable OpenAiProxy proxy) {
			this.proxy = proxy;
			return this;
		}

		/**
		 * Trusts (and presents) what a TLS bundle holds instead of the JVM's trust store.
		 * @param sslBundle the bundle, or {@code null} for the JVM's defaults
		 * @return this builder
		 */
		public Builder sslBundle(@Nullable SslBundle sslBundle) {
			this.sslBundle = sslBundle;
			return this;
		}

		/**
		 * Asks for compressed answers (default {@code true}).
		 * @param compression whether to
		 * @return this builder
		 */
		public Builder compression(boolean compression) {
			this.compression = compression;
			return this;
		}

		/**
		 * Logs every byte exchanged, behind TLS, with credentials redacted, at TRACE on
		 * the {@value io.github.openaistarter.core.RedactingWiretap#LOGGER} logger
		 * (default {@code false}).
		 * @param wiretap whether to
		 * @return this builder
		 */
		public Builder wiretap(boolean wiretap) {
			this.wiretap = wiretap;
			return this;
		}

		/**
		 * Sets the retry policy (default {@link RetryPolicy#DEFAULT}).
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			Assert.notNull(retryPolicy, "retryPolicy must not be null");
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Sets whether a create with {@code store: true} is retried like any create
		 * (default {@code true}; see {@link OpenAiTransport.Builder#retryStoredCreates}).
		 * @param retryStoredCreates whether to
		 * @return this builder
		 */
		public Builder retryStoredCreates(boolean retryStoredCreates) {
			this.retryStoredCreates = retryStoredCreates;
			return this;
		}

		/**
		 * Admits each attempt against request and token budgets before it is sent, for
		 * example a {@code LocalRateLimiter} or a {@code RedisRateLimiter} shared by
		 * every instance.
		 * @param rateLimiter the limiter, or {@code null} to send at once (the default)
		 * @return this builder
		 */
		public Builder rateLimiter(@Nullable RateLimiter rateLimiter) {
			this.rateLimiter = rateLimiter;
			return this;
		}

		/**
		 * Adds an observer told about every call, such as
		 * {@code new ObservationCallObserver(observationRegistry, null, 0)} for
		 * Micrometer observations. Observers are told in the order added.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder observer(OpenAiCallObserver observer) {
			Assert.notNull(observer, "observer must not be null");
			this.observers.add(observer);
			return this;
		}

		/**
		 * Logs every call on the {@value LoggingCallObserver#LOGGER} logger.
		 * @param detail how much of each call
		 * @param maxBodyLength the most characters of each body logged
		 * @param redactedHeaders response headers whose values are replaced by
		 * {@code ***}
		 * @return this builder
		 */
		public Builder logRequests(LoggingCallObserver.Detail detail, int maxBodyLength, Set<String> redactedHeaders) {
			if (detail != LoggingCallObserver.Detail.NONE) {
				observer(new LoggingCallObserver(detail, maxBodyLength, Set.copyOf(redactedHeaders),
						OpenAiJson.createMapper()));
			}
			return this;
		}

		/**
		 * Sets the model of requests that name none.
		 * @param model the model, for example {@code gpt-4.1-mini}
		 * @return this builder
		 */
		public Builder defaultModel(@Nullable String model) {
			return chatDefault("model", model);
		}

		/**
		 * Sets a request field that applies when a request leaves it unset, by its wire
		 * name.
		 * @param field the wire name, for example {@code temperature} or
		 * {@code service_tier}
		 * @param value the value, or {@code null} to remove a default
		 * @return this builder
		 */
		public Builder chatDefault(String field, @Nullable Object value) {
			Assert.hasText(field, "field must not be empty");
			Assert.isTrue(!"messages".equals(field) && !"stream".equals(field),
					() -> "'" + field + "' cannot have a default");
			if (value != null) {
				this.chatDefaults.put(field, value);
			}
			else {
				this.chatDefaults.remove(field);
			}
			return this;
		}

		/**
		 * Sets request defaults by wire name, replacing those set before.
		 * @param defaults the fields
		 * @return this builder
		 */
		public Builder chatDefaults(Map<String, ?> defaults) {
			this.chatDefaults.clear();
			defaults.forEach(this::chatDefault);
			return this;
		}

		/**
		 * Adds a customizer of the headers of every attempt of every call, applied after
		 * the client's own headers: the replacement of a {@code WebClient} filter that
		 * adds headers.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder requestCustomizer(OpenAiRequestCustomizer customizer) {
			Assert.notNull(customizer, "customizer must not be null");
			this.requestCustomizers.add(customizer);
			return this;
		}

		/**
		 * Builds the transport alone, for callers that assemble the operations themselves
		 * (the starter's auto-configuration). It sends over the pool given to
		 * {@link #pool(OpenAiConnectionPool)}, which is then required.
		 * @return the transport
		 */
		public OpenAiTransport buildTransport() {
			Assert.state(this.pool != null, "buildTransport() needs a pool of the caller's: call pool(...) first");
			return transport(this.pool);
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public OpenAiClient build() {
			OpenAiConnectionPool pool = this.pool;
			if (pool == null) {
				OpenAiConnectionPool.Builder settings = OpenAiConnectionPool.builder();
				this.poolSettings.accept(settings);
				pool = settings.build();
			}
			if (this.pool != null) {
				return create(transport(pool), this.chatDefaults, null);
			}
			try {
				return create(transport(pool), this.chatDefaults, pool);
			}
			catch (RuntimeException ex) {
				pool.close();
				throw ex;
			}
		}

		private OpenAiTransport transport(OpenAiConnectionPool pool) {
			ClientHttpConnector connector = ReactorConnectors.create(pool, this.connectTimeout, this.sslBundle,
					this.proxy, this.compression, this.wiretap);
			OpenAiTransport.Builder transport = OpenAiTransport.builder(connector);
			if (this.azure) {
				transport.azure(this.azureApiVersion);
			}
			transport.clientName(this.name)
				.baseUrl(this.baseUrl)
				.apiKey(this.apiKey)
				.accessTokens(this.accessTokens)
				.header("OpenAI-Organization", this.organization)
				.header("OpenAI-Project", this.project)
				.responseTimeout(this.responseTimeout)
				.streamIdleTimeout(this.streamIdleTimeout)
				.retryPolicy(this.retryPolicy)
				.retryStoredCreates(this.retryStoredCreates)
				.rateLimiter(this.rateLimiter)
				.observer(OpenAiCallObserver.of(this.observers));
			this.headers.forEach(transport::header);
			this.requestCustomizers.forEach(transport::requestCustomizer);
			return transport.build();
		}

	}

}
