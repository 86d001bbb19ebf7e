package io.github.openaistarter.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.RateLimiter;
import io.github.openaistarter.ratelimit.LocalRateLimiter;
import io.github.openaistarter.ratelimit.RateLimitEvents;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Builds the rate limiter of a client from its {@code openai.rate-limit.*} settings:
 * local budgets, or budgets shared through Redis, with Micrometer meters when a
 * {@code MeterRegistry} is there.
 */
final class RateLimiters {

	private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

	private static final String REDIS = "org.springframework.data.redis.core.ReactiveStringRedisTemplate";

	private final ListableBeanFactory beanFactory;

	private final @Nullable ClassLoader classLoader;

	RateLimiters(ListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
	}

	/**
	 * The limiter of a client, or {@code null} when rate limiting is off.
	 * @param name the client's name
	 * @param prefix the prefix of its properties
	 * @param properties its settings
	 * @param connectionDetails its credentials, which name its shared budget
	 * @return the limiter, or {@code null}
	 */
	@Nullable RateLimiter create(String name, String prefix, OpenAiProperties properties,
			OpenAiConnectionDetails connectionDetails) {
		RateLimitProperties settings = properties.getRateLimit();
		if (!settings.isEnabled()) {
			return null;
		}
		RateLimitEvents events = ClassUtils.isPresent(METER_REGISTRY, this.classLoader)
				? RateLimitMeters.of(this.beanFactory, name) : RateLimitEvents.NONE;
		LocalRateLimiter.Builder local = LocalRateLimiter.builder()
			.limits(settings.getRequestsPerMinute(), settings.getTokensPerMinute())
			.maxWait(settings.getMaxWait())
			.events(events);
		settings.getModels()
			.forEach((model, limits) -> local.model(model, limits.getRequestsPerMinute(), limits.getTokensPerMinute()));
		if (settings.getStore() == RateLimitProperties.Store.LOCAL) {
			return local.build();
		}
		if (!ClassUtils.isPresent(REDIS, this.classLoader)) {
			throw new IllegalStateException(prefix + ".rate-limit.store=redis needs Spring Data Redis: add"
					+ " spring-boot-starter-data-redis");
		}
		return RedisRateLimiters.create(this.beanFactory, prefix, settings, local, events,
				budgetName(connectionDetails));
	}

	/**
	 * The name of the budgets a key spends from: its organization and project when set
	 * (OpenAI limits them), else a digest of the key (never the key itself), else the
	 * server.
	 */
	static String budgetName(OpenAiConnectionDetails details) {
		if (details.organization() != null || details.project() != null) {
			return details.organization() + "/" + details.project();
		}
		String key = details.apiKey();
		if (key == null) {
			return details.baseUrl();
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "key-" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
