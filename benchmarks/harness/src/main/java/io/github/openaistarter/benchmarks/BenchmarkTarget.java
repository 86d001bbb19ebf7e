package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a JMH benchmark measures: one client against the stand-in, with no added latency. The suite passes the
 * port of its stand-in process as {@code -Dbench.port}; run on its own, a benchmark starts a stand-in process.
 */
final class BenchmarkTarget implements AutoCloseable {

	/** Content chunks of the streamed answer. */
	static final int STREAM_CONTENT_CHUNKS = 100;

	/** Chunks a client decodes per stream: the role chunk, the content, the finish chunk and the usage chunk. */
	static final int STREAM_CHUNKS = STREAM_CONTENT_CHUNKS + 3;

	private final ServerProcess ownServer;

	final BenchClient client;

	BenchmarkTarget(String kind) {
		int port = Integer.getInteger("bench.port", -1);
		ServerProcess server = null;
		if (port < 0) {
			try {
				server = ServerProcess.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			port = server.port();
		}
		this.ownServer = server;
		this.client = ClientKind.of(kind).create(StandInUrl.of(port, 0, STREAM_CONTENT_CHUNKS, false));
		OldGeneration.promoteWhatIsSetUp();
	}

	@Override
	public void close() {
		this.client.close();
		if (this.ownServer != null) {
			this.ownServer.close();
		}
	}

}
