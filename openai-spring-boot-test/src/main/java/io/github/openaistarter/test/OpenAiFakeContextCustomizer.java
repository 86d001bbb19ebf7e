package io.github.openaistarter.test;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers the beans of {@link AutoConfigureOpenAiFake}: the {@link OpenAiFakeServer},
 * started with the context and closed with it, and the
 * {@link OpenAiFakeConnectionDetails} that point the starter at it. All instances are
 * equal, so contexts that differ only by this customizer are still cached as one.
 */
final class OpenAiFakeContextCustomizer implements ContextCustomizer {

	/** The name of the fake's bean. */
	static final String SERVER_BEAN_NAME = "openAiFakeServer";

	private static final String CONNECTION_DETAILS_BEAN_NAME = "openAiFakeConnectionDetails";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		if (!(context instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@AutoConfigureOpenAiFake needs a BeanDefinitionRegistry, not " + context);
		}
		RootBeanDefinition server = new RootBeanDefinition(OpenAiFakeServer.class, OpenAiFakeServer::start);
		server.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
		registry.registerBeanDefinition(SERVER_BEAN_NAME, server);
		registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME,
				new RootBeanDefinition(OpenAiFakeConnectionDetails.class, () -> new OpenAiFakeConnectionDetails(
						context.getBeanFactory().getBean(SERVER_BEAN_NAME, OpenAiFakeServer.class))));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
