package io.github.openaistarter.core;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.util.Assert;

/**
 * The connection pool dedicated to OpenAI calls, so they neither starve nor are starved
 * by the application's other HTTP clients. When every connection is busy, calls wait in a
 * bounded queue for a bounded time, then fail with {@link OpenAiPoolExhaustedException}
 * rather than queueing forever. Its counts feed the application's metrics and show that
 * cancelled calls give their connections back.
 * <p>
 * A call that waits for a connection arms its timeout on the starter's
 * {@link TimeoutWheel}, not on Reactor's parallel scheduler. At as many calls in flight
 * as connections, nearly every call waits: the next call asks for a connection before the
 * previous one has given its own back.
 */
public final class OpenAiConnectionPool implements AutoCloseable {

	private final ConnectionProvider provider;

	private final int maxConnections;

	private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

	private OpenAiConnectionPool(Builder builder) {
		this.maxConnections = builder.maxConnections;
		this.provider = ConnectionProvider.builder("openai")
			.maxConnections(builder.maxConnections)
			.pendingAcquireMaxCount(builder.pendingAcquireMaxCount)
			.pendingAcquireTimeout(builder.pendingAcquireTimeout)
			.pendingAcquireTimer(TimeoutWheel::schedule)
			.maxIdleTime(builder.maxIdleTime)
			.maxLifeTime(builder.maxLifeTime)
			.evictInBackground(builder.maxIdleTime)
			.metrics(true, () -> new Registrar())
			.build();
	}

	/**
	 * Starts building a pool.
	 * @return a builder with the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The Reactor Netty connection provider, to build an {@code HttpClient} on.
	 * @return the provider
	 */
	public ConnectionProvider connectionProvider() {
		return this.provider;
	}

	/**
	 * The most connections open at once to one host.
	 * @return the limit
	 */
	public int maxConnections() {
		return this.maxConnections;
	}

	/**
	 * Connections in use by a call right now, over all hosts.
	 * @return the number of active connections
	 */
	public int activeConnections() {
		return sum(ConnectionPoolMetrics::acquiredSize);
	}

	/**
	 * Open connections waiting for a call.
	 * @return the number of idle connections
	 */
	public int idleConnections() {
		return sum(ConnectionPoolMetrics::idleSize);
	}

	/**
	 * Calls waiting for a connection.
	 * @return the number of pending acquires
	 */
	public int pendingAcquires() {
		return sum(ConnectionPoolMetrics::pendingAcquireSize);
	}

	private int sum(ToIntFunction<ConnectionPoolMetrics> count) {
		return this.pools.values().stream().mapToInt(count).sum();
	}

	/**
	 * Closes every connection of the pool.
	 */
	@Override
	public void close() {
		this.provider.dispose();
	}

	@Override
	public String toString() {
		return "OpenAiConnectionPool[max=" + this.maxConnections + ", active=" + activeConnections() + ", idle="
				+ idleConnections() + ", pending=" + pendingAcquires() + "]";
	}

	/**
	 * Keeps the counts Reactor Netty reports for each host's pool.
	 */
	private final class Registrar implements ConnectionProvider.MeterRegistrar {

		@Override
		public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
				ConnectionPoolMetrics metrics) {
			OpenAiConnectionPool.this.pools.put(id, metrics);
		}

		@Override
		public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
			OpenAiConnectionPool.this.pools.remove(id);
		}

	}

	/**
	 * Builds an {@link OpenAiConnectionPool}.
	 */
	public static final class Builder {

		private int maxConnections = 1000;

		private int pendingAcquireMaxCount = 1000;

		private Duration pendingAcquireTimeout = Duration.ofSeconds(30);

		private Duration maxIdleTime = Duration.ofSeconds(30);

		private Duration maxLifeTime = Duration.ofMinutes(10);

		private Builder() {
		}

		/**
		 * Sets the most connections open at once to one host (default 1000).
		 * @param maxConnections the limit
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * Sets how many calls may wait for a connection (default 1000); -1 for no limit.
		 * @param pendingAcquireMaxCount the limit
		 * @return this builder
		 */
		public Builder pendingAcquireMaxCount(int pendingAcquireMaxCount) {
			Assert.isTrue(pendingAcquireMaxCount > 0 || pendingAcquireMaxCount == -1,
					"pendingAcquireMaxCount must be positive, or -1 for no limit");
			this.pendingAcquireMaxCount = pendingAcquireMaxCount;
			return this;
		}

		/**
		 * Sets how long a call may wait for a connection (default 30 s).
		 * @param pendingAcquireTimeout the timeout
		 * @return this builder
		 */
		public Builder pendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
			return this;
		}

		/**
		 * Sets how long an unused connection stays open (default 30 s).
		 * @param maxIdleTime the idle time
		 * @return this builder
		 */
		public Builder maxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
			return this;
		}

		/**
		 * Sets how long a connection may live at all (default 10 min).
		 * @param maxLifeTime the life time
		 * @return this builder
		 */
		public Builder maxLifeTime(Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
			return this;
		}

		/**
		 * Builds the pool.
		 * @return the pool
		 */
		public OpenAiConnectionPool build() {
			return new OpenAiConnectionPool(this);
		}

	}

}
