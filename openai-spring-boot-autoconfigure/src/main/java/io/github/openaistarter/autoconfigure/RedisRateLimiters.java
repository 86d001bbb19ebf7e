package io.github.openaistarter.autoconfigure;

import io.github.openaistarter.core.RateLimiter;
import io.github.openaistarter.ratelimit.LocalRateLimiter;
import io.github.openaistarter.ratelimit.RateLimitEvents;
import io.github.openaistarter.ratelimit.RedisRateLimiter;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Builds a {@link RedisRateLimiter} on Spring Boot's Redis connection
 * ({@code spring.data.redis.*}). Loaded only with {@code openai.rate-limit.store=redis}
 * and Spring Data Redis on the classpath.
 */
final class RedisRateLimiters {

	private RedisRateLimiters() {
	}

	static RateLimiter create(ListableBeanFactory beanFactory, String prefix, RateLimitProperties settings,
			LocalRateLimiter.Builder local, RateLimitEvents events, String budgetName) {
		ReactiveRedisConnectionFactory connections = beanFactory.getBeanProvider(ReactiveRedisConnectionFactory.class)
			.getIfUnique();
		if (connections == null) {
			throw new IllegalStateException(prefix + ".rate-limit.store=redis needs Spring Boot's Redis connection:"
					+ " add spring-boot-starter-data-redis and set spring.data.redis.*");
		}
		return new RedisRateLimiter(new ReactiveStringRedisTemplate(connections),
				settings.getRedisKeyPrefix() + ":" + budgetName, local.events(events).build(),
				settings.getRedisTimeout());
	}

}
