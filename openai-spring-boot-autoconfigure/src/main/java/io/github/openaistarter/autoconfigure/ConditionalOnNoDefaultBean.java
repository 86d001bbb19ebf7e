package io.github.openaistarter.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches unless the application declares its own default bean of a type: one that
 * unqualified injection points would get, that is a bean that carries no
 * {@code @Qualifier} or is {@code @Primary}. Beans declared
 * {@code @Bean(defaultCandidate = false)} or {@code autowireCandidate = false} and
 * qualified beans (a second client beside ours) do not count: they leave the default in
 * place, so that adding a client never silently replaces the one every other injection
 * point gets.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnNoDefaultBeanCondition.class)
@interface ConditionalOnNoDefaultBean {

	/**
	 * The type whose default bean the application may declare.
	 * @return the type
	 */
	Class<?> value();

}
