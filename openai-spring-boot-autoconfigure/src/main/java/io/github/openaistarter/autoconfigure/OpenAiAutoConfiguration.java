package io.github.openaistarter.autoconfigure;

import java.net.URI;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the OpenAI Chat Completions client: {@link ChatCompletionsOperations} and
 * {@link ReactiveChatCompletionsOperations} beans from {@code openai.*} properties, sending through a
 * {@link WebClient} built from Boot's auto-configured builder (so the application's
 * {@code WebClientCustomizer}s, connector and codecs apply) with the OpenAI settings on top.
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "openai.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpenAiProperties.class)
public final class OpenAiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(OpenAiConnectionDetails.class)
	PropertiesOpenAiConnectionDetails openAiConnectionDetails(OpenAiProperties properties, Environment environment) {
		return new PropertiesOpenAiConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAiTransport openAiTransport(OpenAiProperties properties, OpenAiConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<OpenAiWebClientCustomizer> customizers,
			ResourceLoader resourceLoader) {
		String baseUrl = connectionDetails.baseUrl();
		String apiKey = connectionDetails.apiKey();
		if (apiKey == null && isOpenAi(baseUrl)) {
			throw new MissingApiKeyException(baseUrl);
		}
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withConnectTimeout(properties.getConnectTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.orElse(httpClientSettings.getIfAvailable());
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(connectorBuilder
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()))
				.build(settings));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		OpenAiTransport.Builder transport = OpenAiTransport.builder(builder.build())
			.baseUrl(baseUrl)
			.apiKey(apiKey)
			.header("OpenAI-Organization", connectionDetails.organization())
			.header("OpenAI-Project", connectionDetails.project())
			.responseTimeout(properties.getResponseTimeout())
			.streamIdleTimeout(properties.getStreamIdleTimeout());
		properties.getHeaders().forEach(transport::header);
		return transport.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveChatCompletionsOperations reactiveChatCompletionsOperations(OpenAiTransport transport,
			OpenAiProperties properties) {
		return new ReactiveChatCompletionsTemplate(
				new ChatCompletionsClient(transport, properties.getChat().toRequestFields()));
	}

	@Bean
	@ConditionalOnMissingBean
	ChatCompletionsOperations chatCompletionsOperations(ReactiveChatCompletionsOperations reactive) {
		return new ChatCompletionsTemplate(reactive.withResponse());
	}

	private static boolean isOpenAi(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return host != null && (host.equals("api.openai.com") || host.endsWith(".openai.com"));
	}

}
