package io.github.openaistarter.benchmarks;

/**
 * The base URLs of the {@link StandInServer}, whose first path segment carries the behaviour. Apart from the server
 * so that a client's JVM can name them without Reactor Netty on its classpath (the peers' JVMs have none).
 */
public final class StandInUrl {

	private StandInUrl() {
	}

	/**
	 * The base URL that gives a behaviour.
	 * @param port the stand-in's port
	 * @param latencyMillis the fixed latency of every answer
	 * @param chunks content chunks of a stream
	 * @param stamped whether chunks are written one by one and stamped with the time of writing
	 * @return for example {@code http://127.0.0.1:8080/l100-c100/v1}
	 */
	public static String of(int port, int latencyMillis, int chunks, boolean stamped) {
		return "http://127.0.0.1:" + port + "/l" + latencyMillis + "-c" + chunks + (stamped ? "-s" : "") + "/v1";
	}

	/**
	 * The base URL of slow streams: one write every {@code paceMillis}, the first with the role and the first
	 * content chunk, then one content chunk each, then the finish, the usage and {@code [DONE]}.
	 * @param port the stand-in's port
	 * @param chunks content chunks of a stream
	 * @param paceMillis the time between two writes
	 * @return for example {@code http://127.0.0.1:8080/p1000-c600/v1}
	 */
	public static String paced(int port, int chunks, int paceMillis) {
		return "http://127.0.0.1:" + port + "/p" + paceMillis + "-c" + chunks + "/v1";
	}

}
