package io.github.openaistarter.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.autoconfigure.OpenAiProperties;
import io.github.openaistarter.observation.ObservationCallObserver;
import io.github.openaistarter.observation.OpenAiMeterObservationHandler;
import io.github.openaistarter.observation.OpenAiObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Micrometer observations of OpenAI calls: every call is
 * observed when an {@link ObservationRegistry} is present (a timer and long-task timer
 * with Boot's handlers, a span with a tracing bridge), and token usage, time to first
 * chunk and retries are recorded when a {@link MeterRegistry} is present. Declare an
 * {@link OpenAiObservationConvention} bean to change names and keys.
 */
@AutoConfiguration(before = OpenAiAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "openai.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "openai.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpenAiProperties.class)
public final class OpenAiObservationAutoConfiguration {

	private static final Log logger = LogFactory.getLog(OpenAiObservationAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ObservationCallObserver openAiObservationCallObserver(ObservationRegistry registry,
			ObjectProvider<OpenAiObservationConvention> convention, OpenAiProperties properties) {
		int maxContentLength = 0;
		if (properties.getObservations().isIncludeContent()) {
			logger.warn("openai.observations.include-content is on: prompts and answers, which may hold personal data,"
					+ " are recorded on spans");
			maxContentLength = properties.getObservations().getMaxContentLength();
		}
		return new ObservationCallObserver(registry, convention.getIfAvailable(), maxContentLength);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MeterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpenAiMeterObservationHandler openAiMeterObservationHandler(MeterRegistry meterRegistry) {
			return new OpenAiMeterObservationHandler(meterRegistry);
		}

	}

}
