package io.github.openaistarter.autoconfigure.tool;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.autoconfigure.OpenAiProperties;
import io.github.openaistarter.tool.ChatTool;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.OpenAiTool;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Auto-configuration of tools: one {@link ChatTools} bean holding every {@link ChatTool}
 * bean and the tools of every bean's {@link OpenAiTool @OpenAiTool} methods (read once,
 * when the bean is created; two tools with the same name fail the startup), with the
 * {@code openai.tools.*} settings, observed when an {@link ObservationRegistry} is
 * present. A tool method runs on its bean, looked up at each call, so tool beans may
 * themselves use the OpenAI operations.
 */
@AutoConfiguration(after = OpenAiAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnBooleanProperty(name = "openai.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ OpenAiToolsProperties.class, OpenAiProperties.class })
public final class OpenAiToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatTools openAiChatTools(ConfigurableListableBeanFactory beanFactory, ObjectProvider<ChatTool> toolBeans,
			ObjectProvider<ObservationRegistry> observationRegistry, OpenAiToolsProperties properties,
			OpenAiProperties openAiProperties) {
		List<ChatTool> tools = new ArrayList<>(toolBeans.orderedStream().toList());
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = ScopedProxyUtils.isScopedTarget(name) ? null : beanFactory.getType(name, false);
			if (type != null && AnnotationUtils.isCandidateClass(type, OpenAiTool.class)) {
				tools.addAll(ChatTools.fromMethods(type, () -> beanFactory.getBean(name)).all());
			}
		}
		ChatTools chatTools = ChatTools.of(tools)
			.withMaxRounds(properties.getMaxRounds())
			.withToolTimeout(properties.getTimeout())
			.withMaxParallel(properties.getMaxParallel())
			.withErrorHandling(properties.getErrorHandling());
		ObservationRegistry registry = observationRegistry.getIfAvailable();
		if (registry != null && openAiProperties.getObservations().isEnabled()) {
			chatTools = chatTools.withObservations(registry, openAiProperties.getObservations().isIncludeContent());
		}
		return chatTools;
	}

}
