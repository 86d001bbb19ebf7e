package io.github.openaistarter.autoconfigure.health;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.autoconfigure.OpenAiProperties;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.health.OpenAiHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link OpenAiHealthIndicator}, contributing {@code openai} to
 * {@code /actuator/health} when Boot's health module is present.
 */
@AutoConfiguration(after = OpenAiAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(OpenAiTransport.class)
@ConditionalOnEnabledHealthIndicator("openai")
@EnableConfigurationProperties(OpenAiHealthProperties.class)
public final class OpenAiHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "openaiHealthIndicator")
	OpenAiHealthIndicator openaiHealthIndicator(OpenAiTransport transport, OpenAiProperties properties,
			OpenAiHealthProperties health) {
		// on Azure OpenAI a model is a deployment, which the models endpoint need not know: probe the list
		return new OpenAiHealthIndicator(transport, transport.isAzure() ? null : properties.getChat().getModel(),
				health.getTimeout(), health.getCacheTimeToLive());
	}

}
