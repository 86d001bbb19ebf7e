package io.github.openaistarter.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prism ({@code @stoplight/prism-cli}, pinned in {@code src/test/prism}) in dynamic mode
 * over the official description, on a free loopback port: every answer is generated at
 * random from the schemas, with every optional field. Started through
 * {@code src/test/prism/run}, which installs the npm packages on first use into a cache
 * folder outside the checkout. Without Node.js, npm or {@code ../shared} the calling
 * tests are skipped with the reason, unless {@code OPENAI_FAKE_REQUIRED=true} (set by
 * {@code .ci/run}).
 */
final class PrismMock implements AutoCloseable {

	private static final Path RUN = Path.of("src/test/prism/run").toAbsolutePath();

	private final Path spec;

	private final Process process;

	private final Path log;

	private final int port;

	private PrismMock(Path spec, Process process, Path log, int port) {
		this.spec = spec;
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Installs Prism if needed and starts it.
	 * @return the running mock
	 * @throws Exception if it cannot be started although everything it needs is there
	 */
	static PrismMock start() throws Exception {
		Path spec = SharedDirectory.require("openai-spec/openapi.yaml");
		Path log = Files.createTempFile("prism", ".log");
		Process install = new ProcessBuilder(RUN.toString(), "install").redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
			install.destroyForcibly();
			SharedDirectory.unavailable(
					"Prism could not be installed with npm (are Node.js and npm installed?): " + Files.readString(log));
		}
		int port = freePort();
		Process process = new ProcessBuilder(RUN.toString(), "mock", spec.toString(), String.valueOf(port))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		PrismMock prism = new PrismMock(spec, process, log, port);
		prism.awaitListening(Duration.ofMinutes(3));
		return prism;
	}

	private void awaitListening(Duration timeout) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline) && this.process.isAlive()) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(250);
			}
		}
		close();
		throw new IllegalStateException("Prism did not start on port " + this.port + ": " + Files.readString(this.log));
	}

	/**
	 * The base URL, to point the client at.
	 * @return the URL
	 */
	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Generates stream chunks with Prism's own generator from the chunk schema of the
	 * description (Prism cannot serve an event stream itself).
	 * @param count how many
	 * @return the chunks, one JSON document each
	 * @throws Exception if the generator fails
	 */
	List<String> generateChunks(int count) throws Exception {
		Path output = Files.createTempFile("prism-chunks", ".jsonl");
		Path errors = Files.createTempFile("prism-chunks", ".log");
		try {
			Process generator = new ProcessBuilder(RUN.toString(), "chunks", this.spec.toString(),
					String.valueOf(count))
				.redirectOutput(output.toFile())
				.redirectError(errors.toFile())
				.start();
			if (!generator.waitFor(3, TimeUnit.MINUTES) || generator.exitValue() != 0) {
				generator.destroyForcibly();
				throw new IllegalStateException("Prism's generator failed: " + Files.readString(errors));
			}
			List<String> chunks = new ArrayList<>();
			for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					chunks.add(line);
				}
			}
			return chunks;
		}
		finally {
			Files.deleteIfExists(output);
			Files.deleteIfExists(errors);
		}
	}

	/**
	 * What Prism logged (warnings and errors, such as requests it found invalid).
	 * @return the log
	 * @throws IOException if it cannot be read
	 */
	String log() throws IOException {
		return Files.readString(this.log);
	}

	@Override
	public void close() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
