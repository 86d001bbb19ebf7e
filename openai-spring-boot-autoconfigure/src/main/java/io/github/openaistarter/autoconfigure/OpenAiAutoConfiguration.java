package io.github.openaistarter.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.core.LoggingCallObserver;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the OpenAI Chat Completions client: {@link ChatCompletionsOperations} and
 * {@link ReactiveChatCompletionsOperations} beans from {@code openai.*} properties. Calls go through a
 * {@link WebClient} cloned from Boot's auto-configured builder (so the application's {@code WebClientCustomizer}s
 * and codecs apply) on a connector of their own: a dedicated {@link OpenAiConnectionPool}, the OpenAI timeouts,
 * TLS bundle, proxy and retries, and redirects never followed.
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "openai.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpenAiProperties.class)
public final class OpenAiAutoConfiguration {

	private static final Log logger = LogFactory.getLog(OpenAiAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(OpenAiConnectionDetails.class)
	PropertiesOpenAiConnectionDetails openAiConnectionDetails(OpenAiProperties properties, Environment environment) {
		return new PropertiesOpenAiConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAiConnectionPool openAiConnectionPool(OpenAiProperties properties) {
		return properties.getPool().toPool();
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAiTransport openAiTransport(OpenAiProperties properties, OpenAiConnectionDetails connectionDetails,
			OpenAiConnectionPool pool, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<OpenAiWebClientCustomizer> customizers, ObjectProvider<OpenAiCallObserver> observers) {
		String baseUrl = connectionDetails.baseUrl();
		String apiKey = connectionDetails.apiKey();
		boolean azure = OpenAiProperties.Provider.of(properties.getProvider(),
				baseUrl) == OpenAiProperties.Provider.AZURE;
		String apiVersion = properties.getAzure().getApiVersion();
		if (!azure && apiVersion != null) {
			throw new IllegalStateException("openai.azure.api-version is set but the provider is OpenAI; set"
					+ " openai.provider=azure to use Azure OpenAI's deployment routes at " + baseUrl);
		}
		if (apiKey == null && (isOpenAi(baseUrl) || azure)) {
			throw new MissingApiKeyException(baseUrl);
		}
		if (apiKey != null && apiKey.contains("${") && apiKey.indexOf('}') > apiKey.indexOf("${")) {
			throw new MissingApiKeyException(baseUrl, true);
		}
		warnIfCleartext(baseUrl);
		ClientHttpConnector connector = OpenAiConnectors.create(properties, pool,
				sslBundle(properties, sslBundles, httpClientSettings.getIfAvailable()));
		OpenAiTransport.Builder transport = (properties.getTransport() == OpenAiProperties.Transport.CONNECTOR)
				? OpenAiTransport.builder(connectorOnly(connector, customizers))
				: OpenAiTransport.builder(webClient(connector, webClientBuilder, customizers));
		if (azure) {
			transport.azure(apiVersion);
		}
		transport.baseUrl(baseUrl)
			.apiKey(apiKey)
			.header("OpenAI-Organization", connectionDetails.organization())
			.header("OpenAI-Project", connectionDetails.project())
			.responseTimeout(properties.getResponseTimeout())
			.streamIdleTimeout(properties.getStreamIdleTimeout())
			.retryPolicy(properties.getRetry().toPolicy())
			.observer(observer(properties, observers));
		properties.getHeaders().forEach(transport::header);
		return transport.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveChatCompletionsOperations reactiveChatCompletionsOperations(OpenAiTransport transport,
			OpenAiProperties properties) {
		return new ReactiveChatCompletionsTemplate(
				new ChatCompletionsClient(transport, properties.getChat().toRequestFields()), transport.observer());
	}

	@Bean
	@ConditionalOnMissingBean
	ChatCompletionsOperations chatCompletionsOperations(ReactiveChatCompletionsOperations reactive,
			OpenAiTransport transport) {
		return new ChatCompletionsTemplate(reactive.withResponse(), transport.observer());
	}

	private static WebClient webClient(ClientHttpConnector connector, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<OpenAiWebClientCustomizer> customizers) {
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(connector)
			// request details (headers) must never be logged: they carry the key
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/** Sending without WebClient, a customizer of it would be silently ignored: refuse to start instead. */
	private static ClientHttpConnector connectorOnly(ClientHttpConnector connector,
			ObjectProvider<OpenAiWebClientCustomizer> customizers) {
		List<String> ignored = customizers.orderedStream().map((customizer) -> customizer.getClass().getName()).toList();
		if (!ignored.isEmpty()) {
			throw new IllegalStateException("openai.transport=connector sends without WebClient, so these "
					+ "OpenAiWebClientCustomizer beans would not apply: " + ignored
					+ ". Remove them or set openai.transport=web-client.");
		}
		return connector;
	}

	/** The observers of every call: the application's (observations) and request logging, if on. */
	private static OpenAiCallObserver observer(OpenAiProperties properties,
			ObjectProvider<OpenAiCallObserver> observers) {
		List<OpenAiCallObserver> all = new ArrayList<>(observers.orderedStream().toList());
		LoggingProperties logging = properties.getLogging();
		if (logging.getRequests() != LoggingCallObserver.Detail.NONE) {
			all.add(new LoggingCallObserver(logging.getRequests(), logging.getMaxBodyLength(),
					Set.copyOf(logging.getRedactedHeaders()), OpenAiJson.createMapper()));
		}
		return OpenAiCallObserver.of(all);
	}

	private static @Nullable SslBundle sslBundle(OpenAiProperties properties, ObjectProvider<SslBundles> sslBundles,
			@Nullable HttpClientSettings httpClientSettings) {
		String name = properties.getSsl().getBundle();
		if (name == null) {
			return (httpClientSettings != null) ? httpClientSettings.sslBundle() : null;
		}
		SslBundles bundles = sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException("openai.ssl.bundle is '" + name + "' but no SSL bundles are configured");
		}
		return bundles.getBundle(name);
	}

	/** A key sent in clear text over the network deserves a warning; loopback test servers do not. */
	private static void warnIfCleartext(String baseUrl) {
		URI uri = URI.create(baseUrl);
		if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
			logger.warn("The OpenAI base URL " + baseUrl + " uses plain HTTP: the API key and every prompt travel"
					+ " unencrypted. Use https unless this host is on a trusted network.");
		}
	}

	private static boolean isLoopback(@Nullable String host) {
		return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
				|| host.equals("::1"));
	}

	private static boolean isOpenAi(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return host != null && (host.equals("api.openai.com") || host.endsWith(".openai.com"));
	}

}
