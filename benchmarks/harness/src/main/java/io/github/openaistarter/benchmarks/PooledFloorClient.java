package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.core.OpenAiJson;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * What the floors share: a connection pool of their own, Jackson decoding with the starter's mapper, and no more.
 * Unless a floor says otherwise, it measures plain calls only.
 */
abstract class PooledFloorClient implements ReactiveBenchClient {

	protected static final JsonMapper MAPPER = OpenAiJson.createMapper();

	protected static final JavaType COMPLETION = MAPPER.constructType(ChatCompletion.class);

	protected final ConnectionProvider provider;

	/** The connections a floor's pool opens at most: the system property {@code bench.floor.max-connections}. */
	static final int MAX_CONNECTIONS = Integer.getInteger("bench.floor.max-connections", 2000);

	protected PooledFloorClient(String poolName) {
		this.provider = ConnectionProvider.builder(poolName)
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireMaxCount(-1)
			.build();
	}

	protected static ChatCompletion read(DataBuffer buffer) {
		return read(buffer.asInputStream(true), COMPLETION);
	}

	protected static <T> T read(InputStream in, JavaType type) {
		try (in) {
			return MAPPER.readValue(in, type);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public int stream(LongConsumer onChunk) {
		throw new UnsupportedOperationException("the " + getClass().getSimpleName() + " measures plain calls only");
	}

	@Override
	public Object list() {
		throw new UnsupportedOperationException("the " + getClass().getSimpleName() + " measures plain calls only");
	}

	@Override
	public String text(Object completion) {
		return ((ChatCompletion) completion).text();
	}

	@Override
	public void close() {
		this.provider.disposeLater().block();
	}

}
