package io.github.openaistarter.benchmarks;

import java.lang.reflect.InvocationTargetException;

/**
 * A peer library's client, which lives in a {@code benchmarks/} module of its own so that it gets the dependencies it
 * asks for (Spring AI brings its own openai-java, LangChain4j Jackson 2). The harness knows it by name only and
 * loads it from the classpath of the JVM it runs in: the suite starts that JVM on the module's classpath.
 */
enum PeerClient {

	/** Spring AI 2.0.1 ({@code benchmarks/peer-spring-ai}). */
	SPRING_AI("peer-spring-ai", "io.github.openaistarter.benchmarks.peers.springai.SpringAiClient"),

	/** LangChain4j 1.19.0 ({@code benchmarks/peer-langchain4j}). */
	LANGCHAIN4J("peer-langchain4j", "io.github.openaistarter.benchmarks.peers.langchain4j.LangChain4jClient");

	private final String module;

	private final String className;

	PeerClient(String module, String className) {
		this.module = module;
		this.className = className;
	}

	/**
	 * The module whose {@code target/classpath.txt} the peer's JVMs run on.
	 * @return for example {@code peer-spring-ai}
	 */
	String module() {
		return this.module;
	}

	/**
	 * Creates the client through its {@code static BenchClient create(String baseUrl, boolean tuned)}.
	 * @param baseUrl the stand-in's base URL
	 * @param tuned whether with the settings its documentation offers for many calls in flight
	 * @return the client
	 * @throws IllegalStateException if this JVM does not run on the peer's classpath
	 */
	BenchClient create(String baseUrl, boolean tuned) {
		try {
			Class<?> type = Class.forName(this.className);
			return (BenchClient) type.getMethod("create", String.class, boolean.class).invoke(null, baseUrl, tuned);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(this.className + " is not on this classpath: run it on benchmarks/"
					+ this.module + "/target/classpath.txt", ex);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
