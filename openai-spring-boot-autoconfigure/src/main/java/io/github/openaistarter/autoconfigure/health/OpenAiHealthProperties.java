package io.github.openaistarter.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenAI health indicator ({@code management.health.openai.*}); turn it off with
 * {@code management.health.openai.enabled=false}.
 */
@ConfigurationProperties("management.health.openai")
public class OpenAiHealthProperties {

	/**
	 * Timeout of the probe; the indicator reports DOWN when it expires.
	 */
	private Duration timeout = Duration.ofSeconds(3);

	/**
	 * How long a probe's result is reused: at most one probe per time to live, however
	 * often health is polled.
	 */
	private Duration cacheTimeToLive = Duration.ofSeconds(30);

	/**
	 * Timeout of the probe.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Sets the timeout of the probe.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * How long a probe's result is reused.
	 * @return the time to live
	 */
	public Duration getCacheTimeToLive() {
		return this.cacheTimeToLive;
	}

	/**
	 * Sets how long a probe's result is reused.
	 * @param cacheTimeToLive the time to live
	 */
	public void setCacheTimeToLive(Duration cacheTimeToLive) {
		this.cacheTimeToLive = cacheTimeToLive;
	}

}
