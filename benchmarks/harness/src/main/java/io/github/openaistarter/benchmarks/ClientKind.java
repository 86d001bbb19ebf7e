package io.github.openaistarter.benchmarks;

/**
 * The clients measured side by side. The peers (Spring AI, LangChain4j) are not on the harness's classpath: each
 * lives in a module of its own ({@link #module()}), whose classpath the suite runs their JVMs on.
 */
public enum ClientKind {

	/** This starter's {@code ReactiveChatCompletionsOperations}, as auto-configured. */
	OURS_REACTIVE("ours-reactive", "this starter, reactive API"),

	/** This starter's {@code ChatCompletionsOperations}, as auto-configured, on virtual threads when the JVM has them. */
	OURS_BLOCKING("ours-blocking", "this starter, blocking API"),

	/** openai-java 4.52.0 blocking, default settings. */
	OPENAI_JAVA("openai-java", "openai-java blocking, defaults"),

	/** openai-java 4.52.0 async, default settings. */
	OPENAI_JAVA_ASYNC("openai-java-async", "openai-java async, defaults"),

	/** openai-java 4.52.0 blocking, pool and dispatcher raised for many calls in flight. */
	OPENAI_JAVA_TUNED("openai-java-tuned", "openai-java blocking, tuned"),

	/** openai-java 4.52.0 async, pool and dispatcher raised, dispatcher on virtual threads when available. */
	OPENAI_JAVA_ASYNC_TUNED("openai-java-async-tuned", "openai-java async, tuned"),

	/** Reactor Netty posting pre-built bytes and decoding with Jackson: the least any client must do. */
	FLOOR("floor", "floor: Reactor Netty + Jackson"),

	/**
	 * The floor blocked on: each call on a thread of its own (virtual when the JVM has them), as the starter's blocking
	 * API is driven. What blocking itself costs.
	 */
	FLOOR_BLOCKING("floor-blocking", "floor blocked on: Reactor Netty + Jackson, a thread per call"),

	/** Spring's WebClient posting pre-built bytes and decoding with Jackson: the floor of any WebClient client. */
	WEBCLIENT_FLOOR("webclient-floor", "WebClient floor: WebClient + Jackson"),

	/** Spring's ClientHttpConnector (under WebClient) posting pre-built bytes and decoding with Jackson. */
	CONNECTOR_FLOOR("connector-floor", "connector floor: Spring's ClientHttpConnector + Jackson"),

	/** Spring AI 2.0.1's {@code ChatClient} as its OpenAI starter auto-configures it, default settings. */
	SPRING_AI("spring-ai", "Spring AI ChatClient (blocking), starter defaults", PeerClient.SPRING_AI),

	/** Spring AI 2.0.1's {@code ChatClient}, its OkHttp pool raised by an {@code OpenAiHttpClientBuilderCustomizer}. */
	SPRING_AI_TUNED("spring-ai-tuned", "Spring AI ChatClient (blocking), tuned", PeerClient.SPRING_AI),

	/** LangChain4j 1.19.0's {@code OpenAiChatModel} from its documented builder, default settings. */
	LANGCHAIN4J("langchain4j", "LangChain4j OpenAiChatModel (blocking), builder defaults", PeerClient.LANGCHAIN4J),

	/** LangChain4j 1.19.0's {@code OpenAiChatModel} on a customized JDK {@code HttpClient}. */
	LANGCHAIN4J_TUNED("langchain4j-tuned", "LangChain4j OpenAiChatModel (blocking), tuned", PeerClient.LANGCHAIN4J);

	private final String id;

	private final String description;

	private final PeerClient peer;

	ClientKind(String id, String description) {
		this(id, description, null);
	}

	ClientKind(String id, String description, PeerClient peer) {
		this.id = id;
		this.description = description;
		this.peer = peer;
	}

	/**
	 * The short name used in parameters and reports.
	 * @return for example {@code ours-reactive}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * What the client is, for reports.
	 * @return a description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * The {@code benchmarks/} module whose classpath the client needs, when not the harness's.
	 * @return the module, or {@code null} for a client of the harness's classpath
	 */
	public String module() {
		return (this.peer != null) ? this.peer.module() : null;
	}

	/**
	 * Whether the client is a peer library, measured in JVMs on its own module's classpath.
	 * @return whether it is Spring AI or LangChain4j
	 */
	public boolean isPeer() {
		return this.peer != null;
	}

	/**
	 * The kind of a short name.
	 * @param id the short name
	 * @return the kind
	 */
	public static ClientKind of(String id) {
		for (ClientKind kind : values()) {
			if (kind.id.equals(id)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown client '" + id + "'");
	}

	/**
	 * Creates the client against a base URL of the stand-in.
	 * @param baseUrl the base URL, {@code .../v1}
	 * @return the client
	 */
	public BenchClient create(String baseUrl) {
		return switch (this) {
			case OURS_REACTIVE -> StarterClient.reactive(baseUrl);
			case OURS_BLOCKING -> StarterClient.blocking(baseUrl);
			case OPENAI_JAVA -> OpenAiJavaClient.create(baseUrl, false, false);
			case OPENAI_JAVA_ASYNC -> OpenAiJavaClient.create(baseUrl, true, false);
			case OPENAI_JAVA_TUNED -> OpenAiJavaClient.create(baseUrl, false, true);
			case OPENAI_JAVA_ASYNC_TUNED -> OpenAiJavaClient.create(baseUrl, true, true);
			case FLOOR -> new FloorClient(baseUrl);
			case FLOOR_BLOCKING -> new FloorClient(baseUrl, true);
			case WEBCLIENT_FLOOR -> new WebClientFloorClient(baseUrl);
			case CONNECTOR_FLOOR -> new ConnectorFloorClient(baseUrl);
			case SPRING_AI, LANGCHAIN4J -> this.peer.create(baseUrl, false);
			case SPRING_AI_TUNED, LANGCHAIN4J_TUNED -> this.peer.create(baseUrl, true);
		};
	}

}
