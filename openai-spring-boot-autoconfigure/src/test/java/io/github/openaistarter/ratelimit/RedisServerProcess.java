package io.github.openaistarter.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
		IOException lastFailure = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				return new RedisServerProcess(freePort());
			}
			catch (IOException ex) {
				// the port was taken between finding it free and redis-server binding it
				lastFailure = ex;
			}
		}
		throw lastFailure;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
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
			if (!process.isAlive()) {
				throw new IOException(
						"redis-server ended before answering on port " + port + " (taken by another process?)");
			}
			if (answersPing(port)) {
				return process;
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new IllegalStateException("redis-server did not start on port " + port);
	}

	/**
	 * Whether the port is this redis-server's: another process may have taken it, and
	 * would accept a connection too.
	 */
	private static boolean answersPing(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(2000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] answer = socket.getInputStream().readNBytes(7);
			return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException notYet) {
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
