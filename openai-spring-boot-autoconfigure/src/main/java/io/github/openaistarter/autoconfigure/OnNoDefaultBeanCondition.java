package io.github.openaistarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.Assert;

/**
 * The condition of {@link ConditionalOnNoDefaultBean}.
 */
class OnNoDefaultBeanCondition extends SpringBootCondition {

	private static final String QUALIFIER = Qualifier.class.getName();

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnNoDefaultBean.class.getName());
		Object type = (attributes != null) ? attributes.get("value") : null;
		Assert.state(type instanceof Class<?>, "@ConditionalOnNoDefaultBean needs a type");
		Class<?> beanType = (Class<?>) type;
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Assert.state(beanFactory != null, "No bean factory");
		List<String> defaults = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(beanType, true, false)) {
			if (beanFactory.containsBeanDefinition(name) && isDefault(beanFactory.getMergedBeanDefinition(name))) {
				defaults.add(name);
			}
		}
		String described = "@ConditionalOnNoDefaultBean " + beanType.getSimpleName();
		return defaults.isEmpty() ? ConditionOutcome.match(described + ": the application declares no default bean")
				: ConditionOutcome.noMatch(described + ": the application's " + defaults + " replaces the default");
	}

	private static boolean isDefault(BeanDefinition definition) {
		if (!definition.isAutowireCandidate()
				|| (definition instanceof AbstractBeanDefinition bean && !bean.isDefaultCandidate())) {
			return false;
		}
		return definition.isPrimary() || !isQualified(definition);
	}

	private static boolean isQualified(BeanDefinition definition) {
		if (definition instanceof AbstractBeanDefinition bean && bean.hasQualifier(QUALIFIER)) {
			return true;
		}
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			return (factoryMethod != null) ? factoryMethod.isAnnotated(QUALIFIER)
					: annotated.getMetadata().isAnnotated(QUALIFIER);
		}
		return false;
	}

}
