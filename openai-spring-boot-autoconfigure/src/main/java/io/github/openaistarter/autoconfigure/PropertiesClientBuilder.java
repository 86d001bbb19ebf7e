package io.github.openaistarter.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.openaistarter.client.OpenAiClient;
import io.github.openaistarter.client.OpenAiProxy;
import io.github.openaistarter.core.AccessTokenSupplier;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiRequestCustomizer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.ClassUtils;

/**
 * Turns {@code openai.*} settings (the top-level ones or a named client's) into an
 * {@link OpenAiClient.Builder}, with the application's beans that apply to every client:
 * the {@link OpenAiRequestCustomizer}s, SSL bundles and the {@link OpenAiCallObserver}s.
 * Checks what can be checked before any call, naming the property to fix.
 */
final class PropertiesClientBuilder {

	private static final Log logger = LogFactory.getLog(PropertiesClientBuilder.class);

	private static final String AZURE_IDENTITY = "com.azure.identity.DefaultAzureCredentialBuilder";

	private final ObjectProvider<OpenAiRequestCustomizer> requestCustomizers;

	private final ObjectProvider<HttpClientSettings> httpClientSettings;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<OpenAiCallObserver> observers;

	private final @Nullable ClassLoader classLoader;

	private final RateLimiters rateLimiters;

	PropertiesClientBuilder(ObjectProvider<OpenAiRequestCustomizer> requestCustomizers,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<OpenAiCallObserver> observers, ListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		this.requestCustomizers = requestCustomizers;
		this.httpClientSettings = httpClientSettings;
		this.sslBundles = sslBundles;
		this.observers = observers;
		this.classLoader = classLoader;
		this.rateLimiters = new RateLimiters(beanFactory, classLoader);
	}

	/**
	 * A builder of the client the settings describe, with everything set but the pool.
	 * @param name the client's name
	 * @param prefix the prefix of its properties, as messages name them ({@code openai}
	 * or {@code openai.clients.<name>})
	 * @param properties its settings
	 * @param connectionDetails its base URL and credentials
	 * @param accessTokens the application's token supplier (the default client's only),
	 * or {@code null}
	 * @return the builder
	 */
	OpenAiClient.Builder builder(String name, String prefix, OpenAiProperties properties,
			OpenAiConnectionDetails connectionDetails, @Nullable AccessTokenSupplier accessTokens) {
		String baseUrl = connectionDetails.baseUrl();
		boolean azure = OpenAiProperties.Provider.of(properties.getProvider(),
				baseUrl) == OpenAiProperties.Provider.AZURE;
		String apiVersion = properties.getAzure().getApiVersion();
		if (!azure && apiVersion != null) {
			throw new IllegalStateException(prefix + ".azure.api-version is set but the provider is OpenAI; set "
					+ prefix + ".provider=azure to use Azure OpenAI's deployment routes at " + baseUrl);
		}
		AccessTokenSupplier tokens = (accessTokens != null) ? accessTokens : entraTokens(prefix, properties, azure);
		// a client authenticated by tokens sends no key, so none is needed
		String apiKey = (tokens != null) ? null : connectionDetails.apiKey();
		if (tokens == null && apiKey == null && (isOpenAi(baseUrl) || azure)) {
			throw new MissingApiKeyException(baseUrl, false, prefix);
		}
		if (apiKey != null && apiKey.contains("${") && apiKey.indexOf('}') > apiKey.indexOf("${")) {
			throw new MissingApiKeyException(baseUrl, true, prefix);
		}
		warnIfCleartext(baseUrl);
		OpenAiClient.Builder builder = OpenAiClient.builder()
			.name(name)
			.baseUrl(baseUrl)
			.apiKey(apiKey)
			.accessTokens(tokens)
			.organization(connectionDetails.organization())
			.project(connectionDetails.project())
			.connectTimeout(properties.getConnectTimeout())
			.responseTimeout(properties.getResponseTimeout())
			.streamIdleTimeout(properties.getStreamIdleTimeout())
			.proxy(proxy(properties.getProxy()))
			.sslBundle(sslBundle(prefix, properties))
			.compression(properties.isCompression())
			.wiretap(properties.getLogging().isWiretap())
			.retryPolicy(properties.getRetry().toPolicy())
			.retryStoredCreates(properties.getRetry().isStoredCreates())
			.rateLimiter(this.rateLimiters.create(name, prefix, properties, connectionDetails))
			.chatDefaults(properties.getChat().toRequestFields());
		if (azure) {
			builder.azure(apiVersion);
		}
		properties.getHeaders().forEach(builder::header);
		this.observers.orderedStream().forEach(builder::observer);
		LoggingProperties logging = properties.getLogging();
		builder.logRequests(logging.getRequests(), logging.getMaxBodyLength(),
				Set.copyOf(logging.getRedactedHeaders()));
		this.requestCustomizers.orderedStream().forEach(builder::requestCustomizer);
		return builder;
	}

	/**
	 * Applies the pool settings of a client to a pool's builder.
	 * @param pool the pool properties
	 * @param builder the pool's builder
	 */
	static void applyPool(PoolProperties pool, OpenAiConnectionPool.Builder builder) {
		builder.maxConnections(pool.getMaxConnections())
			.pendingAcquireMaxCount(pool.getPendingAcquireMaxCount())
			.pendingAcquireTimeout(pool.getPendingAcquireTimeout())
			.maxIdleTime(pool.getMaxIdleTime())
			.maxLifeTime(pool.getMaxLifeTime());
	}

	private @Nullable AccessTokenSupplier entraTokens(String prefix, OpenAiProperties properties, boolean azure) {
		AzureProperties.Entra entra = properties.getAzure().getEntra();
		if (!entra.isEnabled()) {
			return null;
		}
		if (!azure) {
			throw new IllegalStateException(prefix + ".azure.entra.enabled is on but the provider is OpenAI; set "
					+ prefix + ".provider=azure (Entra ID tokens are for Azure OpenAI)");
		}
		if (!ClassUtils.isPresent(AZURE_IDENTITY, this.classLoader)) {
			throw new IllegalStateException(prefix + ".azure.entra.enabled is on but com.azure:azure-identity is not"
					+ " on the classpath: add it, or declare an AccessTokenSupplier bean of your own");
		}
		return AzureEntraTokens.defaultCredential(entra.getScope());
	}

	private static @Nullable OpenAiProxy proxy(ProxyProperties proxy) {
		String host = proxy.getHost();
		if (host == null || host.isBlank()) {
			return null;
		}
		OpenAiProxy configured = OpenAiProxy.of(host, proxy.getPort()).withNonProxyHosts(proxy.getNonProxyHosts());
		return (proxy.getUsername() != null) ? configured.withCredentials(proxy.getUsername(), proxy.getPassword())
				: configured;
	}

	private @Nullable SslBundle sslBundle(String prefix, OpenAiProperties properties) {
		String name = properties.getSsl().getBundle();
		if (name == null) {
			HttpClientSettings settings = this.httpClientSettings.getIfAvailable();
			return (settings != null) ? settings.sslBundle() : null;
		}
		SslBundles bundles = this.sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException(prefix + ".ssl.bundle is '" + name + "' but no SSL bundles are configured");
		}
		return bundles.getBundle(name);
	}

	/**
	 * A key sent in clear text over the network deserves a warning; loopback test servers
	 * do not.
	 */
	private static void warnIfCleartext(String baseUrl) {
		URI uri = URI.create(baseUrl);
		if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
			logger.warn("The OpenAI base URL " + baseUrl + " uses plain HTTP: the API key and every prompt travel"
					+ " unencrypted. Use https unless this host is on a trusted network.");
		}
	}

	private static boolean isLoopback(@Nullable String host) {
		return host != null
				&& (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
	}

	private static boolean isOpenAi(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return host != null && (host.equals("api.openai.com") || host.endsWith(".openai.com"));
	}

}
