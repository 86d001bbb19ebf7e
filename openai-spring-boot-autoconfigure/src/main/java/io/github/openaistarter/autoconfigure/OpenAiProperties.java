package io.github.openaistarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of the OpenAI client ({@code openai.*}).
 */
@ConfigurationProperties("openai")
public class OpenAiProperties {

	/**
	 * Whether to auto-configure the OpenAI client.
	 */
	private boolean enabled = true;

	/**
	 * API key, sent as a Bearer token. Falls back to the OPENAI_API_KEY environment
	 * variable. Required when the base URL is OpenAI's own.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the API, including the version path. Falls back to the OPENAI_BASE_URL
	 * environment variable, then to https://api.openai.com/v1. Point it at any
	 * OpenAI-compatible server.
	 */
	private @Nullable String baseUrl;

	/**
	 * Organization id, sent as the OpenAI-Organization header. Falls back to the
	 * OPENAI_ORG_ID environment variable.
	 */
	private @Nullable String organization;

	/**
	 * Project id, sent as the OpenAI-Project header. Falls back to the OPENAI_PROJECT_ID
	 * environment variable.
	 */
	private @Nullable String project;

	/**
	 * Extra headers sent with every call.
	 */
	private Map<String, String> headers = new LinkedHashMap<>();

	/**
	 * Longest wait to establish a connection.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Longest wait for a complete answer, or for the first chunk of a stream. Generous by
	 * default, as reasoning models can think for minutes.
	 */
	private Duration responseTimeout = Duration.ofMinutes(10);

	/**
	 * Longest pause between two chunks of a stream before it is aborted with a timeout
	 * error.
	 */
	private Duration streamIdleTimeout = Duration.ofMinutes(2);

	/**
	 * Whether to ask for gzip-compressed answers.
	 */
	private boolean compression = true;

	/**
	 * The server's kind: 'openai' (OpenAI and OpenAI-compatible servers: the key as a
	 * Bearer token) or 'azure' (Azure OpenAI: the key in the api-key header, and the
	 * deployment routes with openai.azure.api-version). When unset, 'azure' for
	 * *.openai.azure.com, *.cognitiveservices.azure.com and *.services.ai.azure.com
	 * hosts, else 'openai'.
	 */
	private @Nullable Provider provider;

	/**
	 * Azure OpenAI settings.
	 */
	@NestedConfigurationProperty
	private final AzureProperties azure = new AzureProperties();

	/**
	 * Defaults of chat completion requests.
	 */
	@NestedConfigurationProperty
	private final ChatDefaults chat = new ChatDefaults();

	/**
	 * Retries of failed calls.
	 */
	@NestedConfigurationProperty
	private final RetryProperties retry = new RetryProperties();

	/**
	 * The connection pool dedicated to OpenAI calls.
	 */
	@NestedConfigurationProperty
	private final PoolProperties pool = new PoolProperties();

	@NestedConfigurationProperty
	private final RateLimitProperties rateLimit = new RateLimitProperties();

	/**
	 * HTTP proxy of OpenAI calls.
	 */
	@NestedConfigurationProperty
	private final ProxyProperties proxy = new ProxyProperties();

	/**
	 * TLS of OpenAI calls.
	 */
	@NestedConfigurationProperty
	private final SslProperties ssl = new SslProperties();

	/**
	 * Logging of OpenAI traffic.
	 */
	@NestedConfigurationProperty
	private final LoggingProperties logging = new LoggingProperties();

	/**
	 * Micrometer observations of OpenAI calls.
	 */
	@NestedConfigurationProperty
	private final ObservationProperties observations = new ObservationProperties();

	/**
	 * Named clients beside the default one, for example openai.clients.local.base-url for
	 * a local server. Each accepts every openai.* setting and inherits what it leaves
	 * unset from openai.*.
	 */
	private Map<String, OpenAiProperties> clients = new LinkedHashMap<>();

	/**
	 * Whether to auto-configure the OpenAI client.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to auto-configure the OpenAI client.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * API key, sent as a Bearer token. Falls back to the OPENAI_API_KEY environment
	 * variable.
	 * @return the key, or {@code null}
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Sets the API key.
	 * @param apiKey the key
	 */
	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Base URL of the API, including the version path. Falls back to OPENAI_BASE_URL,
	 * then to https://api.openai.com/v1.
	 * @return the base URL, or {@code null}
	 */
	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sets the base URL.
	 * @param baseUrl the base URL
	 */
	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Organization id, sent as the OpenAI-Organization header. Falls back to
	 * OPENAI_ORG_ID.
	 * @return the organization, or {@code null}
	 */
	public @Nullable String getOrganization() {
		return this.organization;
	}

	/**
	 * Sets the organization id.
	 * @param organization the organization id
	 */
	public void setOrganization(@Nullable String organization) {
		this.organization = organization;
	}

	/**
	 * Project id, sent as the OpenAI-Project header. Falls back to OPENAI_PROJECT_ID.
	 * @return the project, or {@code null}
	 */
	public @Nullable String getProject() {
		return this.project;
	}

	/**
	 * Sets the project id.
	 * @param project the project id
	 */
	public void setProject(@Nullable String project) {
		this.project = project;
	}

	/**
	 * Extra headers sent with every call.
	 * @return the headers
	 */
	public Map<String, String> getHeaders() {
		return this.headers;
	}

	/**
	 * Sets extra headers sent with every call.
	 * @param headers the headers
	 */
	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	/**
	 * Longest wait to establish a connection.
	 * @return the connect timeout
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Sets the connect timeout.
	 * @param connectTimeout the timeout
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Longest wait for a complete answer, or for the first chunk of a stream.
	 * @return the response timeout
	 */
	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * Sets the response timeout.
	 * @param responseTimeout the timeout
	 */
	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	/**
	 * Longest pause between two chunks of a stream.
	 * @return the stream idle timeout
	 */
	public Duration getStreamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	/**
	 * Sets the stream idle timeout.
	 * @param streamIdleTimeout the timeout
	 */
	public void setStreamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = streamIdleTimeout;
	}

	/**
	 * Whether to ask for gzip-compressed answers.
	 * @return whether compression is on
	 */
	public boolean isCompression() {
		return this.compression;
	}

	/**
	 * Sets whether to ask for gzip-compressed answers.
	 * @param compression whether compression is on
	 */
	public void setCompression(boolean compression) {
		this.compression = compression;
	}

	/**
	 * The server's kind.
	 * @return the provider, or {@code null} to detect it from the base URL
	 */
	public @Nullable Provider getProvider() {
		return this.provider;
	}

	/**
	 * Sets the server's kind.
	 * @param provider the provider, or {@code null} to detect it from the base URL
	 */
	public void setProvider(@Nullable Provider provider) {
		this.provider = provider;
	}

	/**
	 * Azure OpenAI settings.
	 * @return the settings
	 */
	public AzureProperties getAzure() {
		return this.azure;
	}

	/**
	 * Defaults of chat completion requests.
	 * @return the defaults
	 */
	public ChatDefaults getChat() {
		return this.chat;
	}

	/**
	 * Retries of failed calls.
	 * @return the retry settings
	 */
	public RetryProperties getRetry() {
		return this.retry;
	}

	/**
	 * The connection pool dedicated to OpenAI calls.
	 * @return the pool settings
	 */
	public PoolProperties getPool() {
		return this.pool;
	}

	/**
	 * Client-side rate limiting: request and token budgets per model.
	 * @return the rate-limit settings
	 */
	public RateLimitProperties getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * HTTP proxy of OpenAI calls.
	 * @return the proxy settings
	 */
	public ProxyProperties getProxy() {
		return this.proxy;
	}

	/**
	 * TLS of OpenAI calls.
	 * @return the TLS settings
	 */
	public SslProperties getSsl() {
		return this.ssl;
	}

	/**
	 * Logging of OpenAI traffic.
	 * @return the logging settings
	 */
	public LoggingProperties getLogging() {
		return this.logging;
	}

	/**
	 * Micrometer observations of OpenAI calls.
	 * @return the observation settings
	 */
	public ObservationProperties getObservations() {
		return this.observations;
	}

	/**
	 * Named clients beside the default one, for example
	 * {@code openai.clients.local.base-url} for a local server. Each accepts every
	 * {@code openai.*} setting and inherits what it leaves unset from {@code openai.*};
	 * its operations are beans qualified by its name.
	 * @return the named clients, as bound from their own settings only
	 */
	public Map<String, OpenAiProperties> getClients() {
		return this.clients;
	}

	/**
	 * Sets the named clients.
	 * @param clients the named clients
	 */
	public void setClients(Map<String, OpenAiProperties> clients) {
		this.clients = clients;
	}

	@Override
	public String toString() {
		return "OpenAiProperties[baseUrl=" + this.baseUrl + ", apiKey=" + Secrets.mask(this.apiKey) + ", organization="
				+ this.organization + ", project=" + this.project + ", headers=" + this.headers.keySet() + ", proxy="
				+ this.proxy + "]";
	}

	/**
	 * The kind of server the client talks to.
	 */
	public enum Provider {

		/**
		 * OpenAI, or a server that speaks its API: the key as
		 * {@code Authorization: Bearer}.
		 */
		OPENAI,

		/**
		 * Azure OpenAI: the key in the {@code api-key} header; the v1 API under
		 * {@code /openai/v1}, or the deployment routes with
		 * {@code openai.azure.api-version}.
		 */
		AZURE;

		private static final List<String> AZURE_HOSTS = List.of(".openai.azure.com", ".cognitiveservices.azure.com",
				".services.ai.azure.com");

		/**
		 * The provider a setting asks for, or the one its base URL's host implies.
		 * @param setting the {@code openai.provider} setting, or {@code null}
		 * @param baseUrl the base URL
		 * @return the provider
		 */
		static Provider of(@Nullable Provider setting, String baseUrl) {
			if (setting != null) {
				return setting;
			}
			String host = URI.create(baseUrl).getHost();
			return (host != null && AZURE_HOSTS.stream().anyMatch(host.toLowerCase(Locale.ROOT)::endsWith)) ? AZURE
					: OPENAI;
		}

	}

}
