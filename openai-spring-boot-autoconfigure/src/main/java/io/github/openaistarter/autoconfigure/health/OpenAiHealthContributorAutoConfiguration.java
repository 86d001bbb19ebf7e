package io.github.openaistarter.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.autoconfigure.OpenAiProperties;
import io.github.openaistarter.client.OpenAiClient;
import io.github.openaistarter.client.OpenAiClients;
import io.github.openaistarter.core.OpenAiEndpoint;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.health.OpenAiHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link OpenAiHealthIndicator}, contributing {@code openai} to
 * {@code /actuator/health} when Boot's health module is present. With named clients
 * ({@code openai.clients.<name>.*}), {@code openai} is a composite of one indicator per
 * client: {@code default} for the client of {@code openai.*}, then each named client.
 */
@AutoConfiguration(after = OpenAiAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(OpenAiTransport.class)
@ConditionalOnEnabledHealthIndicator("openai")
@EnableConfigurationProperties(OpenAiHealthProperties.class)
public final class OpenAiHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "openaiHealthIndicator", "openaiHealthContributor" })
	ReactiveHealthContributor openaiHealthIndicator(OpenAiTransport transport, OpenAiProperties properties,
			OpenAiHealthProperties health, ObjectProvider<OpenAiClients> clients) {
		ReactiveHealthIndicator main = indicator(transport, properties.getChat().getModel(), health,
				"openai.api-key or OPENAI_API_KEY");
		OpenAiClients all = clients.getIfAvailable();
		if (all == null || all.names().size() < 2) {
			return main;
		}
		Map<String, ReactiveHealthContributor> contributors = new LinkedHashMap<>();
		for (String name : all.names()) {
			OpenAiClient client = all.get(name);
			contributors.put(name,
					name.equals(OpenAiEndpoint.DEFAULT_CLIENT_NAME) ? main
							: indicator(client.transport(), client.defaultModel(), health,
									"openai.clients." + name + ".api-key (or the openai.api-key it inherits)"));
		}
		return CompositeReactiveHealthContributor.fromMap(contributors);
	}

	private static ReactiveHealthIndicator indicator(OpenAiTransport transport, @Nullable String model,
			OpenAiHealthProperties health, String keySetting) {
		// on Azure OpenAI a model is a deployment, which the models endpoint need not
		// know: probe the list
		return new OpenAiHealthIndicator(transport, transport.isAzure() ? null : model, health.getTimeout(),
				health.getCacheTimeToLive(), keySetting);
	}

}
