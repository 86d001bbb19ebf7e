package io.github.openaistarter.autoconfigure;

import java.time.Duration;

/**
 * The connection pool dedicated to OpenAI calls ({@code openai.pool.*}).
 */
public class PoolProperties {

	/**
	 * Most connections open at once to OpenAI; one streaming answer holds one connection
	 * for its duration.
	 */
	private int maxConnections = 1000;

	/**
	 * Most calls waiting for a connection when all are busy; a call beyond it fails at
	 * once. -1 for no limit.
	 */
	private int pendingAcquireMaxCount = 1000;

	/**
	 * Longest wait of a call for a connection before it fails.
	 */
	private Duration pendingAcquireTimeout = Duration.ofSeconds(30);

	/**
	 * How long an unused connection stays open.
	 */
	private Duration maxIdleTime = Duration.ofSeconds(30);

	/**
	 * How long a connection may live at all.
	 */
	private Duration maxLifeTime = Duration.ofMinutes(10);

	/**
	 * Most connections open at once to OpenAI.
	 * @return the limit
	 */
	public int getMaxConnections() {
		return this.maxConnections;
	}

	/**
	 * Sets the most connections open at once.
	 * @param maxConnections the limit
	 */
	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	/**
	 * Most calls waiting for a connection.
	 * @return the limit
	 */
	public int getPendingAcquireMaxCount() {
		return this.pendingAcquireMaxCount;
	}

	/**
	 * Sets the most calls waiting for a connection.
	 * @param pendingAcquireMaxCount the limit, -1 for none
	 */
	public void setPendingAcquireMaxCount(int pendingAcquireMaxCount) {
		this.pendingAcquireMaxCount = pendingAcquireMaxCount;
	}

	/**
	 * Longest wait for a connection.
	 * @return the timeout
	 */
	public Duration getPendingAcquireTimeout() {
		return this.pendingAcquireTimeout;
	}

	/**
	 * Sets the longest wait for a connection.
	 * @param pendingAcquireTimeout the timeout
	 */
	public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
		this.pendingAcquireTimeout = pendingAcquireTimeout;
	}

	/**
	 * How long an unused connection stays open.
	 * @return the idle time
	 */
	public Duration getMaxIdleTime() {
		return this.maxIdleTime;
	}

	/**
	 * Sets how long an unused connection stays open.
	 * @param maxIdleTime the idle time
	 */
	public void setMaxIdleTime(Duration maxIdleTime) {
		this.maxIdleTime = maxIdleTime;
	}

	/**
	 * How long a connection may live.
	 * @return the life time
	 */
	public Duration getMaxLifeTime() {
		return this.maxLifeTime;
	}

	/**
	 * Sets how long a connection may live.
	 * @param maxLifeTime the life time
	 */
	public void setMaxLifeTime(Duration maxLifeTime) {
		this.maxLifeTime = maxLifeTime;
	}

}
