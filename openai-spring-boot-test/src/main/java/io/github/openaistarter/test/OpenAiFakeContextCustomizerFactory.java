package io.github.openaistarter.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds an {@link OpenAiFakeContextCustomizer} to the context of a test class annotated
 * with {@link AutoConfigureOpenAiFake}. Registered in {@code META-INF/spring.factories}.
 */
final class OpenAiFakeContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureOpenAiFake.class)
				? new OpenAiFakeContextCustomizer() : null;
	}

}
