package io.github.openaistarter.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it) on a free
 * loopback port, without persistence. Absent, the tests that need it are skipped, except
 * under {@code OPENAI_FAKE_REQUIRED=true} (CI), where that is a failure.
 */
final class RedisServerProcess implements AutoCloseable {

	private static final Path SERVER = Path.of("/usr/bin/redis-server");

	private final int port;

	private Process process;

	private RedisServerProcess(int port) throws IOException, InterruptedException {
		this.port = port;
		this.process = launch(port);
	}

	static RedisServerProcess start() throws IOException, InterruptedException {
		if (!Files.isExecutable(SERVER)) {
			String reason = "redis-server is not installed (apt-get install redis-server); the shared rate-limit"
					+ " budget tests are skipped";
			if ("true".equalsIgnoreCase(System.getenv("OPENAI_FAKE_REQUIRED"))) {
				throw new IllegalStateException(reason.replace("are skipped", "are required in CI"));
			}
			Assumptions.abort(reason);
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return new RedisServerProcess(socket.getLocalPort());
		}
	}

	int port() {
		return this.port;
	}

	/** Stops the server, as an outage would. */
	void stop() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

	/** Starts it again on the same port, empty. */
	void restart() throws IOException, InterruptedException {
		this.process = launch(this.port);
	}

	private static Process launch(int port) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(SERVER.toString(), "--port", String.valueOf(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return process;
			}
			catch (IOException notYet) {
				Thread.sleep(50);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("redis-server did not start on port " + port);
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
