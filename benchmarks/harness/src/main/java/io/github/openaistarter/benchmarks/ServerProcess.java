package io.github.openaistarter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in in a JVM of its own, on this JVM's classpath, so its work is never counted as a client's. It
 * ends when this process closes its input, or at {@link #close()}.
 */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a stand-in process and waits until it listens.
	 * @return the running process
	 * @throws IOException if it cannot start
	 */
	public static ServerProcess start() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC", "-cp",
				System.getProperty("java.class.path"), StandInServer.class.getName()));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("STAND-IN PORT ")) {
				int port = Integer.parseInt(line.substring("STAND-IN PORT ".length()).trim());
				Thread drain = new Thread(() -> drain(out), "stand-in-output");
				drain.setDaemon(true);
				drain.start();
				return new ServerProcess(process, port);
			}
		}
		throw new IOException("The stand-in ended before listening (exit " + process.exitValue() + ")");
	}

	/**
	 * The java executable of this JVM.
	 * @return its path
	 */
	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void drain(BufferedReader out) {
		try {
			while (out.readLine() != null) {
				// discard
			}
		}
		catch (IOException ex) {
			// ended
		}
	}

	/**
	 * The port the stand-in listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * CPU time the stand-in process used so far, in nanoseconds.
	 * @return the CPU time, or -1 when unknown
	 */
	public long cpuNanos() {
		return this.process.toHandle().info().totalCpuDuration().map((d) -> d.toNanos()).orElse(-1L);
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroy();
			}
		}
		catch (IOException | InterruptedException ex) {
			this.process.destroy();
		}
	}

}
