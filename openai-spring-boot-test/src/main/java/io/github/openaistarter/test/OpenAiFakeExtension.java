package io.github.openaistarter.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that runs an {@link OpenAiFakeServer} for a test class: it
 * starts the fake before the class's first test, {@link OpenAiFakeServer#reset() resets}
 * it before each test (stored completions, recorded requests, queued faults and answers
 * set during a test are forgotten) and closes it after the last. Test constructors, test
 * methods and lifecycle methods get the fake as an {@link OpenAiFakeServer} parameter.
 *
 * <p>
 * With the defaults (any API key, echo answers): <pre class="code">
 * &#64;ExtendWith(OpenAiFakeExtension.class)
 * class AssistantTests {
 *
 *     &#64;Test
 *     void answers(OpenAiFakeServer openAi) {
 *         ChatCompletionsOperations chat = ... // pointed at openAi.baseUrl() with openAi.apiKey()
 *         assertThat(chat.create(List.of(ChatMessage.user("Hi"))).text()).isEqualTo("echo: Hi");
 *         assertThat(openAi.lastRequest().path()).isEqualTo("/v1/chat/completions");
 *     }
 *
 * }
 * </pre> Configured, as a field: <pre class="code">
 * &#64;RegisterExtension
 * static final OpenAiFakeExtension openAi = new OpenAiFakeExtension(OpenAiFakeServer.builder()
 *     .apiKey("sk-test")
 *     .streamChunkDelay(Duration.ofMillis(20)));
 * </pre> A {@code @Nested} class shares the fake of its enclosing class. For a
 * {@code @SpringBootTest}, use {@link AutoConfigureOpenAiFake} instead.
 */
public final class OpenAiFakeExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private final OpenAiFakeServer.Builder builder;

	private @Nullable OpenAiFakeServer server;

	private @Nullable String owner;

	/**
	 * Creates the extension for a fake with the defaults; this is the constructor
	 * {@code @ExtendWith(OpenAiFakeExtension.class)} uses.
	 */
	public OpenAiFakeExtension() {
		this(OpenAiFakeServer.builder());
	}

	/**
	 * Creates the extension for a configured fake.
	 * @param builder the fake's configuration, started before the first test of the class
	 */
	public OpenAiFakeExtension(OpenAiFakeServer.Builder builder) {
		this.builder = Objects.requireNonNull(builder, "builder must not be null");
	}

	/**
	 * The fake, for a test that holds the extension in a field; started on first use.
	 * @return the running fake
	 */
	public synchronized OpenAiFakeServer server() {
		OpenAiFakeServer server = this.server;
		if (server == null) {
			server = this.builder.start();
			this.server = server;
		}
		return server;
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.owner == null) {
			this.owner = context.getUniqueId();
		}
		server();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().reset();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		OpenAiFakeServer server = this.server;
		if (server != null && context.getUniqueId().equals(this.owner)) {
			this.server = null;
			this.owner = null;
			server.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == OpenAiFakeServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server();
	}

}
