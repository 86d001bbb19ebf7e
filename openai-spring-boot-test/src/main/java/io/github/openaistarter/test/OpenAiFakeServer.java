package io.github.openaistarter.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fake of the OpenAI Chat Completions API for tests: real HTTP on {@code 127.0.0.1}, in
 * the test's JVM. It answers deterministically ({@code echo: <last user text>} unless
 * told otherwise), keeps completions created with {@code store: true} for retrieve,
 * update, delete and list, streams server-sent events, calls tools, checks the API key
 * and what OpenAI checks cheaply, answers errors in OpenAI's format with its headers, and
 * fails on demand ({@link #enqueue(Fault)}). It records every request for assertions.
 *
 * <p>
 * In a {@code @SpringBootTest}, {@link AutoConfigureOpenAiFake} runs one and connects the
 * starter to it; in a plain JUnit test, {@link OpenAiFakeExtension} does. To wire an
 * application to one by hand: <pre class="code">
 * &#64;SpringBootTest(properties = "openai.chat.model=gpt-4o-mini")
 * class AssistantTests {
 *
 *     static final OpenAiFakeServer openAi = OpenAiFakeServer.start();
 *
 *     &#64;DynamicPropertySource
 *     static void openAi(DynamicPropertyRegistry registry) {
 *         openAi.registerProperties(registry);
 *     }
 *
 *     &#64;AfterAll
 *     static void stopOpenAi() {
 *         openAi.close();
 *     }
 *
 *     &#64;Test
 *     void answers(&#64;Autowired ChatCompletionsOperations chat) {
 *         assertThat(chat.create(List.of(ChatMessage.user("Hi"))).text()).isEqualTo("echo: Hi");
 *         assertThat(openAi.lastRequest().json().path("model").asString()).isEqualTo("gpt-4o-mini");
 *     }
 *
 * }
 * </pre> Or configure it first: <pre class="code">
 * OpenAiFakeServer openAi = OpenAiFakeServer.builder()
 *     .apiKey("sk-test")
 *     .answerWith((request) -&gt; "It is sunny.")
 *     .streamChunkDelay(Duration.ofMillis(20))
 *     .start();
 * </pre>
 * <p>
 * How it answers {@code POST /chat/completions}:
 * <ul>
 * <li>the request's {@code model}, {@code n} choices (with {@code n > 1} each text ends
 * with its number, as in {@code "echo: hi (2)"}), {@code usage} counting words as tokens
 * (four characters for JSON), an answer cut at {@code max_completion_tokens} tokens with
 * {@code finish_reason: "length"} (a cut JSON answer is invalid JSON, as OpenAI's
 * is);</li>
 * <li>a refusal ({@code content: null},
 * {@code refusal: "I'm sorry, I can't help with that."}) when the last user text has the
 * word "refuse";</li>
 * <li>structured outputs without a scripted answer: for {@code response_format}
 * {@code json_schema}, JSON made from the schema (every property; the last user text in
 * the first plain string, {@code "<property> <n>"} in the others; format samples; numbers
 * within bounds; the first enum value; two array items), so
 * {@code chat.create(request, Planet.class)} works in your tests as it is; for
 * {@code json_object}, {@code {"echo": "<last user text>"}};</li>
 * <li>tool loops without a scripted answer: when the request offers function tools and
 * {@code tool_choice} is {@code required} or names a function, or is {@code auto} or
 * absent and the last user text has the word "call", the model calls the named function,
 * else every function the last user text names (in order, in one answer), else the first
 * one, with arguments made from each function's {@code parameters} as above; once the
 * conversation ends with the tool results it answers
 * {@code echo: <the results joined by "; ">}. With {@code parallel_tool_calls: false} it
 * calls one function per round; the word "forever" keeps it calling the first function
 * every round (to test a loop's bound). {@link #answerWithToolCall(String, String)}
 * replaces the generated calls with one call of yours;</li>
 * <li>with {@code "stream": true}, server-sent events: a role chunk, the text one word
 * per chunk (see {@link Builder#streamChunkWords(int)}), JSON in pieces of 5 characters,
 * the refusal word by word, or each tool call under its own index, id and name first,
 * then its arguments in pieces; a finish chunk, the usage chunk when
 * {@code stream_options.include_usage} is set, then {@code data: [DONE]};</li>
 * <li>with {@code "store": true}, the completion and its input messages are kept for the
 * other operations.</li>
 * </ul>
 *
 * <p>
 * Thread-safe. Serves under {@code /v1} and at the root. {@link #close() Close} it when
 * done (it is {@link AutoCloseable}).
 */
public final class OpenAiFakeServer implements AutoCloseable {

	/**
	 * The key {@link #properties()} hands out when no key is required: any key is
	 * accepted then.
	 */
	public static final String DEFAULT_API_KEY = "sk-fake";

	private static final String HOST = "127.0.0.1";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

	private final @Nullable String requiredApiKey;

	private final Answer initialAnswer;

	private final AtomicReference<Answer> answer;

	private final CompletionStore store = new CompletionStore();

	private final FaultQueue faults = new FaultQueue();

	private final RequestLog requests = new RequestLog();

	private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private final AtomicBoolean closed = new AtomicBoolean();

	private final DisposableServer server;

	private OpenAiFakeServer(Builder builder) {
		this.requiredApiKey = builder.apiKey;
		this.initialAnswer = builder.answer;
		this.answer = new AtomicReference<>(builder.answer);
		ChatCompletionsApi chat = new ChatCompletionsApi(this.store, this.answer::get, builder.chunking);
		FakeRouter router = new FakeRouter(chat, this.requests, this.faults, this.requiredApiKey,
				builder.chunking.delay());
		this.server = HttpServer.create()
			.host(HOST)
			.port(0)
			.channelGroup(this.connections)
			.handle(router)
			.bindNow(START_TIMEOUT);
	}

	/**
	 * Starts a fake with the defaults: any API key, echo answers, streams of one word per
	 * chunk without pauses.
	 * @return the running fake, on a free port
	 */
	public static OpenAiFakeServer start() {
		return builder().start();
	}

	/**
	 * Starts configuring a fake.
	 * @return a builder; finish with {@link Builder#start()}
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The base URL to configure the client with.
	 * @return for example {@code http://127.0.0.1:54321/v1}
	 */
	public String baseUrl() {
		return "http://" + HOST + ":" + port() + "/v1";
	}

	/**
	 * The port the fake listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * The API key to configure the client with: the required one, else
	 * {@value #DEFAULT_API_KEY}.
	 * @return the key
	 */
	public String apiKey() {
		return (this.requiredApiKey != null) ? this.requiredApiKey : DEFAULT_API_KEY;
	}

	/**
	 * The properties that point the starter at this fake: {@code openai.base-url} and
	 * {@code openai.api-key}, for example for
	 * {@code ApplicationContextRunner.withPropertyValues} or
	 * {@code SpringApplicationBuilder.properties}.
	 * @return the properties
	 */
	public Map<String, String> properties() {
		return Map.of("openai.base-url", baseUrl(), "openai.api-key", apiKey());
	}

	/**
	 * Registers {@link #properties()} from a {@code @DynamicPropertySource} method (needs
	 * {@code spring-test}).
	 * @param registry the registry
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * Answers every text completion with the same text from now on (no refusals then).
	 * @param text the answer
	 */
	public void answerWith(String text) {
		Objects.requireNonNull(text, "text must not be null");
		answerWith((request) -> text);
	}

	/**
	 * Answers text completions with a function of the request from now on. The function
	 * runs on the fake's event loop, so it must not block; if it throws, the request gets
	 * a {@code 500}.
	 * @param answer makes the answer from the request body (a
	 * {@code CreateChatCompletionRequest} JSON tree)
	 */
	public void answerWith(Function<JsonNode, String> answer) {
		this.answer.updateAndGet((current) -> current.withText(answer));
	}

	/**
	 * Answers with this tool call, rather than the generated ones, whenever a request
	 * offers function tools and does not end with tool results (or {@code tool_choice} is
	 * {@code required} or names a function), from now on; the word "call" is not needed
	 * then. A {@code tool_choice} that names another function still gets that one, with
	 * these arguments.
	 * @param name the function name
	 * @param arguments the arguments, as JSON text, for example {@code {"city":"Paris"}}
	 */
	public void answerWithToolCall(String name, String arguments) {
		this.answer.updateAndGet((current) -> current.withToolCall(name, arguments));
	}

	/**
	 * Queues a fault for the next matching request(s).
	 * @param fault the fault
	 */
	public void enqueue(Fault fault) {
		this.faults.add(Objects.requireNonNull(fault, "fault must not be null"));
	}

	/**
	 * The requests received so far, oldest first, whether taken or not.
	 * @return a snapshot of the requests
	 */
	public List<RecordedRequest> requests() {
		return this.requests.all();
	}

	/**
	 * Takes the oldest request not taken yet, waiting up to 10 seconds for one to arrive.
	 * @return the request
	 * @throws IllegalStateException if none arrives in time
	 */
	public RecordedRequest takeRequest() {
		return this.requests.take();
	}

	/**
	 * The most recent request.
	 * @return the request
	 * @throws IllegalStateException if none was received yet
	 */
	public RecordedRequest lastRequest() {
		return this.requests.last();
	}

	/**
	 * Forgets stored completions, recorded requests and queued faults, and restores the
	 * answers the fake was built with, as if it had just started; the port stays.
	 */
	public void reset() {
		this.faults.clear();
		this.requests.clear();
		this.store.clear();
		this.answer.set(this.initialAnswer);
	}

	/**
	 * Stops the fake and drops its open connections. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.connections.close().awaitUninterruptibly(STOP_TIMEOUT.toMillis());
			this.server.disposeNow(STOP_TIMEOUT);
		}
	}

	@Override
	public String toString() {
		return "OpenAiFakeServer[" + baseUrl() + "]";
	}

	/**
	 * Configures and starts an {@link OpenAiFakeServer}.
	 */
	public static final class Builder {

		private @Nullable String apiKey;

		private Answer answer = Answer.ECHO;

		private StreamChunking chunking = StreamChunking.DEFAULT;

		private Builder() {
		}

		/**
		 * Requires this API key: a request with another one gets
		 * {@code 401 invalid_api_key}. By default any key is accepted, but a request
		 * without one gets a {@code 401} all the same.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			if (apiKey.isBlank()) {
				throw new IllegalArgumentException("apiKey must not be blank");
			}
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Answers every text completion with the same text.
		 * @param text the answer
		 * @return this builder
		 * @see OpenAiFakeServer#answerWith(String)
		 */
		public Builder answerWith(String text) {
			Objects.requireNonNull(text, "text must not be null");
			return answerWith((request) -> text);
		}

		/**
		 * Answers text completions with a function of the request.
		 * @param answer makes the answer from the request body
		 * @return this builder
		 * @see OpenAiFakeServer#answerWith(Function)
		 */
		public Builder answerWith(Function<JsonNode, String> answer) {
			this.answer = this.answer.withText(answer);
			return this;
		}

		/**
		 * Answers with this tool call whenever a request offers function tools.
		 * @param name the function name
		 * @param arguments the arguments, as JSON text
		 * @return this builder
		 * @see OpenAiFakeServer#answerWithToolCall(String, String)
		 */
		public Builder answerWithToolCall(String name, String arguments) {
			this.answer = this.answer.withToolCall(name, arguments);
			return this;
		}

		/**
		 * Streams this many words per chunk (default 1), each with the spaces before it,
		 * as tokens come. JSON answers stream in pieces of 5 characters, tool-call
		 * arguments in pieces of 7.
		 * @param words at least 1
		 * @return this builder
		 */
		public Builder streamChunkWords(int words) {
			this.chunking = this.chunking.withWords(words);
			return this;
		}

		/**
		 * Streams this many characters per chunk, for text, JSON answers and tool-call
		 * arguments alike.
		 * @param characters at least 1
		 * @return this builder
		 */
		public Builder streamChunkCharacters(int characters) {
			this.chunking = this.chunking.withCharacters(characters);
			return this;
		}

		/**
		 * Pauses between two chunks of a stream (default none), to watch chunks arrive
		 * one by one.
		 * @param delay the pause
		 * @return this builder
		 */
		public Builder streamChunkDelay(Duration delay) {
			this.chunking = this.chunking.withDelay(delay);
			return this;
		}

		/**
		 * Starts the fake on a free port of {@code 127.0.0.1}.
		 * @return the running fake
		 */
		public OpenAiFakeServer start() {
			return new OpenAiFakeServer(this);
		}

	}

}
