package io.github.openaistarter.autoconfigure;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.client.OpenAiClients;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the operations of each named client ({@code openai.clients.<name>.*}) as
 * beans named {@code <name>ChatCompletionsOperations} and
 * {@code <name>ReactiveChatCompletionsOperations}, qualified by the client's name. They
 * are not default candidates: an injection point without {@code @Qualifier("<name>")}
 * gets the default client's operations, never a named client's. Each bean comes from the
 * {@link OpenAiClients} bean.
 */
class NamedClientsRegistrar implements ImportBeanDefinitionRegistrar {

	private static final String CLIENTS_BEAN = "openAiClients";

	private final Environment environment;

	NamedClientsRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		for (String name : NamedClients.names(this.environment)) {
			register(registry, name, name + "ChatCompletionsOperations", ChatCompletionsOperations.class, "chat");
			register(registry, name, name + "ReactiveChatCompletionsOperations",
					ReactiveChatCompletionsOperations.class, "reactiveChat");
		}
	}

	private static void register(BeanDefinitionRegistry registry, String client, String beanName, Class<?> type,
			String factoryMethod) {
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setFactoryBeanName(CLIENTS_BEAN);
		definition.setFactoryMethodName(factoryMethod);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, client);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, client));
		definition.setDefaultCandidate(false);
		registry.registerBeanDefinition(beanName, definition);
	}

}
