package io.github.openaistarter.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.client.OpenAiClient;
import io.github.openaistarter.client.OpenAiClients;
import io.github.openaistarter.core.AccessTokenSupplier;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiEndpoint;
import io.github.openaistarter.core.OpenAiRequestCustomizer;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the OpenAI Chat Completions client:
 * {@link ChatCompletionsOperations} and {@link ReactiveChatCompletionsOperations} beans
 * from {@code openai.*} properties, and one pair per named client of
 * {@code openai.clients.<name>.*}, qualified by its name. Calls go straight through a
 * Reactor Netty {@code ClientHttpConnector} of their own (the layer under
 * {@code WebClient}): a dedicated {@link OpenAiConnectionPool}, the OpenAI timeouts, TLS
 * bundle, proxy and retries, and redirects never followed.
 * {@link OpenAiRequestCustomizer} beans add headers to every attempt,
 * {@link OpenAiCallObserver} beans see every call. {@link OpenAiClient}'s builder does
 * the work; this class reads the properties.
 *
 * <p>
 * What backs off: an application bean of {@link OpenAiTransport} replaces the default
 * client's transport (its operations and health probe then use it); an application bean
 * of one of the operations types that is not qualified (or is {@code @Primary}) replaces
 * the default bean of that type. A qualified bean, or one declared
 * {@code @Bean(defaultCandidate = false)}, sits beside the default, which stays
 * {@code @Primary}. Named clients replace nothing.
 */
@AutoConfiguration
@ConditionalOnClass(name = "reactor.netty.http.client.HttpClient")
@ConditionalOnBooleanProperty(name = "openai.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpenAiProperties.class)
@Import(NamedClientsRegistrar.class)
public final class OpenAiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(OpenAiConnectionDetails.class)
	PropertiesOpenAiConnectionDetails openAiConnectionDetails(OpenAiProperties properties, Environment environment) {
		return new PropertiesOpenAiConnectionDetails(properties, environment);
	}

	@Bean
	PropertiesClientBuilder openAiPropertiesClientBuilder(ObjectProvider<OpenAiRequestCustomizer> requestCustomizers,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<OpenAiCallObserver> observers, ConfigurableListableBeanFactory beanFactory,
			OpenAiProperties properties, Environment environment) {
		RemovedTransportProperty.check(environment, properties.getClients().keySet());
		return new PropertiesClientBuilder(requestCustomizers, httpClientSettings, sslBundles, observers, beanFactory,
				beanFactory.getBeanClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAiConnectionPool openAiConnectionPool(OpenAiProperties properties) {
		OpenAiConnectionPool.Builder pool = OpenAiConnectionPool.builder();
		PropertiesClientBuilder.applyPool(properties.getPool(), pool);
		return pool.build();
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAiTransport openAiTransport(OpenAiProperties properties, OpenAiConnectionDetails connectionDetails,
			OpenAiConnectionPool pool, PropertiesClientBuilder clients,
			ObjectProvider<AccessTokenSupplier> accessTokens) {
		return clients
			.builder(OpenAiEndpoint.DEFAULT_CLIENT_NAME, "openai", properties, connectionDetails,
					accessTokens.getIfUnique())
			.pool(pool)
			.buildTransport();
	}

	@Bean
	@Primary
	@ConditionalOnNoDefaultBean(ReactiveChatCompletionsOperations.class)
	ReactiveChatCompletionsOperations reactiveChatCompletionsOperations(OpenAiTransport transport,
			OpenAiProperties properties) {
		return OpenAiClient.of(transport, properties.getChat().toRequestFields()).reactiveChat();
	}

	@Bean
	@Primary
	@ConditionalOnNoDefaultBean(ChatCompletionsOperations.class)
	ChatCompletionsOperations chatCompletionsOperations(ReactiveChatCompletionsOperations reactive,
			OpenAiTransport transport) {
		return new ChatCompletionsTemplate(reactive.withResponse(), transport.observer());
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAiClients openAiClients(OpenAiTransport transport, ReactiveChatCompletionsOperations reactive,
			ChatCompletionsOperations blocking, OpenAiProperties properties, PropertiesClientBuilder clients,
			Environment environment) {
		Map<String, OpenAiClient> all = new LinkedHashMap<>();
		all.put(OpenAiEndpoint.DEFAULT_CLIENT_NAME,
				OpenAiClient.of(transport, reactive, blocking, properties.getChat().getModel()));
		List<OpenAiClient> named = new ArrayList<>();
		try {
			for (String name : NamedClients.names(environment)) {
				OpenAiProperties settings = NamedClients.properties(environment, name);
				OpenAiClient client = clients
					.builder(name, NamedClients.prefix(name), settings,
							new PropertiesOpenAiConnectionDetails(settings, environment), null)
					.poolSettings((pool) -> PropertiesClientBuilder.applyPool(settings.getPool(), pool))
					.build();
				named.add(client);
				all.put(name, client);
			}
		}
		catch (RuntimeException ex) {
			named.forEach(OpenAiClient::close);
			throw ex;
		}
		return new OpenAiClients(all, named);
	}

}
