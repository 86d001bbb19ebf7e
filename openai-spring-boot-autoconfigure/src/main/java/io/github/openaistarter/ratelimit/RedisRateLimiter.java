package io.github.openaistarter.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.RateLimiter;
import io.github.openaistarter.core.ResponseMetadata;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Request and token budgets per model shared by every instance that uses the same key,
 * kept in Redis: each acquisition is one atomic script on Redis's clock (both budgets
 * refill continuously, as OpenAI's do), keyed by the key's organization and project (or a
 * digest of the key) and the model. The limits are those of the {@link LocalRateLimiter}
 * it is given, configured or learned from the answers.
 * <p>
 * When Redis cannot be reached within its timeout, the local budget decides, spending
 * this instance's share of the limit (the limit divided by the instances Redis last
 * counted); Redis is tried again after a second, and the shared budget takes over again
 * by itself. Calls never wait on Redis longer than the timeout.
 */
public final class RedisRateLimiter implements RateLimiter {

	private static final Log logger = LogFactory.getLog(RedisRateLimiter.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ACQUIRE = RedisScript
		.of(new ClassPathResource("io/github/openaistarter/ratelimit/acquire.lua"), List.class);

	private static final long RETRY_REDIS_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final LocalRateLimiter local;

	private final Duration timeout;

	private final String instance = UUID.randomUUID().toString();

	private volatile int instances = 1;

	private volatile @Nullable Fallback fallback;

	/**
	 * Creates the limiter.
	 * @param redis the Redis connection
	 * @param keyPrefix the prefix of the budgets' keys, for example
	 * {@code openai:rate-limit:org-1/proj-1}
	 * @param local the limits, and the budget that decides when Redis cannot be reached
	 * @param timeout the longest wait for Redis on one acquisition
	 */
	public RedisRateLimiter(ReactiveStringRedisTemplate redis, String keyPrefix, LocalRateLimiter local,
			Duration timeout) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.local = local;
		this.timeout = timeout;
	}

	@Override
	public Mono<Permit> acquire(OpenAiCall call) {
		String model = call.model();
		if (model == null) {
			return Mono.just(Permit.NONE);
		}
		Long requests = this.local.limit(model, Budget.REQUESTS);
		Long tokens = this.local.limit(model, Budget.TOKENS);
		if (requests == null && tokens == null) {
			// no limit known yet: the local limiter lets the call through and learns the
			// limits from its answer
			return this.local.acquire(call);
		}
		long estimate = TokenEstimate.of(call.body());
		return Mono.defer(() -> {
			long start = this.local.now();
			return acquire(call, model, requests, tokens, estimate, start, start + this.local.maxWait().toNanos());
		});
	}

	private Mono<Permit> acquire(OpenAiCall call, String model, @Nullable Long requests, @Nullable Long tokens,
			long estimate, long start, long deadline) {
		return Mono.defer(() -> {
			if (!redisDue()) {
				return this.local.acquire(call, this.instances);
			}
			List<String> keys = List.of(key(model, "requests"), key(model, "tokens"), this.keyPrefix + ":instances");
			return this.redis
				.execute(ACQUIRE, keys,
						List.of(String.valueOf((requests != null) ? requests : 0),
								String.valueOf((tokens != null) ? tokens : 0), String.valueOf(estimate), this.instance))
				.next()
				.timeout(this.timeout)
				.flatMap((answer) -> decided(call, model, requests, tokens, estimate, start, deadline, answer))
				.onErrorResume((ex) -> !(ex instanceof RateLimitBudgetException), (ex) -> {
					fellBack(model, ex);
					return this.local.acquire(call, this.instances);
				});
		});
	}

	private Mono<Permit> decided(OpenAiCall call, String model, @Nullable Long requests, @Nullable Long tokens,
			long estimate, long start, long deadline, List<?> answer) {
		recovered();
		long waitMillis = ((Number) answer.get(0)).longValue();
		this.instances = Math.max(1, ((Number) answer.get(1)).intValue());
		long now = this.local.now();
		if (waitMillis == 0) {
			this.local.events().waited(model, Duration.ofNanos(now - start));
			return Mono.just(permit(model, estimate, TokenEstimate.maxAnswerTokens(call.body())));
		}
		Budget budget = (((Number) answer.get(2)).intValue() == 1) ? Budget.REQUESTS : Budget.TOKENS;
		Duration wait = (waitMillis > 0) ? Duration.ofMillis(waitMillis) : null;
		if (wait == null || now + wait.toNanos() > deadline) {
			this.local.events().refused(model, budget);
			return Mono.error(new RateLimitBudgetException(call.describe(), model, budget, wait, this.local.maxWait()));
		}
		return Mono.delay(wait, this.local.scheduler())
			.then(acquire(call, model, requests, tokens, estimate, start, deadline));
	}

	/**
	 * Tells the local budget (limits learned) and the shared one (tokens really used)
	 * what came back.
	 */
	private Permit permit(String model, long estimate, @Nullable Long maxAnswerTokens) {
		Permit learning = this.local.permit(this.local.budget(model), estimate, maxAnswerTokens);
		return new Permit() {

			@Override
			public void answered(ResponseMetadata metadata) {
				learning.answered(metadata);
			}

			@Override
			public void item(Object item) {
				Long charged = LocalRateLimiter.charged(item, maxAnswerTokens);
				if (charged != null && charged != estimate) {
					RedisRateLimiter.this.redis.opsForHash()
						.increment(key(model, "tokens"), "level", (double) (estimate - charged))
						.timeout(RedisRateLimiter.this.timeout)
						.subscribe(null, (ex) -> logger.debug("Could not correct the shared token budget", ex));
				}
			}

		};
	}

	private String key(String model, String budget) {
		return this.keyPrefix + ":" + model + ":" + budget;
	}

	/**
	 * Whether to ask Redis: always, but at most once a second while it cannot be reached.
	 */
	private boolean redisDue() {
		Fallback current = this.fallback;
		return current == null || this.local.now() - current.lastTriedNanos() >= RETRY_REDIS_AFTER_NANOS;
	}

	private void fellBack(String model, Throwable cause) {
		Fallback current = this.fallback;
		this.fallback = new Fallback((current != null) ? current.since() : Instant.now(), this.local.now(),
				String.valueOf(cause.getMessage()));
		if (current == null) {
			logger.warn("Redis could not be reached for the shared OpenAI rate-limit budget (" + cause
					+ "); this instance spends its share (1/" + this.instances + ") of the limit locally until it"
					+ " can");
		}
		this.local.events().fellBack(model, cause);
	}

	private void recovered() {
		if (this.fallback != null) {
			this.fallback = null;
			logger.info("Redis is reachable again: the OpenAI rate-limit budget is shared again");
		}
	}

	/**
	 * Whether the budget is shared right now, or decided locally because Redis cannot be
	 * reached.
	 * @return {@code shared}, or {@code local since <instant> (<cause>)}
	 */
	public String state() {
		Fallback current = this.fallback;
		return (current != null) ? "local since " + current.since() + " (" + current.cause() + ")" : "shared";
	}

	/**
	 * Whether Redis could not be reached at the last try, so that the local budget
	 * decides.
	 * @return whether this instance is falling back to its local budget
	 */
	public boolean isFallingBack() {
		return this.fallback != null;
	}

	@Override
	public String toString() {
		return "RedisRateLimiter[" + this.keyPrefix + ", " + state() + "]";
	}

	private record Fallback(Instant since, long lastTriedNanos, String cause) {
	}

}
