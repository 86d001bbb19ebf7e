package io.github.openaistarter.benchmarks;

import java.util.List;

/**
 * The libraries a profile's samples are told apart by: each sample goes to the layer of the innermost frame that
 * is neither the JDK's nor native, so the JDK code a library calls (reflection, {@code String} methods, locks)
 * counts as that library's.
 */
enum CodeLayer {

	/** The starter: {@code io.github.openaistarter}, the benchmarks excepted. */
	STARTER("the starter"),

	/** The load driver and the benchmark clients (the floor's code lives here). */
	BENCHMARK("benchmark code (driver, floor)"),

	/** Spring Framework: the HTTP connector, {@code HttpHeaders}, buffers. */
	SPRING("Spring"),

	/** Reactor's operators. */
	REACTOR("Reactor"),

	/** Reactor Netty: the HTTP client, its connection pool. */
	REACTOR_NETTY("Reactor Netty"),

	/** Netty: event loops, codecs, buffers, channels. */
	NETTY("Netty"),

	/** Jackson: reading and writing JSON. */
	JACKSON("Jackson"),

	/** Micrometer: observations and meters. */
	MICROMETER("Micrometer"),

	/** Any other library. */
	OTHER("other libraries"),

	/** Only the JDK's, the JVM's or native frames (a thread of the JDK's own, such as a virtual thread carrier). */
	JDK("JDK and JVM only");

	private static final List<String> JDK_PACKAGES = List.of("java.", "jdk.", "sun.", "com.sun.");

	private final String label;

	CodeLayer(String label) {
		this.label = label;
	}

	/**
	 * How the report names this layer.
	 * @return the label
	 */
	String label() {
		return this.label;
	}

	/**
	 * The layer of a Java class.
	 * @param className the class's name, with dots or slashes between packages
	 * @return its layer, {@link #JDK} for the JDK's classes
	 */
	static CodeLayer of(String className) {
		String name = className.replace('/', '.');
		if (name.startsWith("io.github.openaistarter.benchmarks.")) {
			return BENCHMARK;
		}
		if (name.startsWith("io.github.openaistarter.")) {
			return STARTER;
		}
		if (name.startsWith("org.springframework.")) {
			return SPRING;
		}
		if (name.startsWith("reactor.netty.")) {
			return REACTOR_NETTY;
		}
		if (name.startsWith("reactor.")) {
			return REACTOR;
		}
		if (name.startsWith("io.netty.")) {
			return NETTY;
		}
		if (name.startsWith("tools.jackson.") || name.startsWith("com.fasterxml.jackson.")) {
			return JACKSON;
		}
		if (name.startsWith("io.micrometer.")) {
			return MICROMETER;
		}
		return isJdk(name) ? JDK : OTHER;
	}

	/**
	 * Whether a class is the JDK's.
	 * @param className the class's name, with dots between packages
	 * @return whether it is
	 */
	static boolean isJdk(String className) {
		return JDK_PACKAGES.stream().anyMatch(className::startsWith);
	}

}
