package io.github.openaistarter.benchmarks;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * This starter, exactly as an application gets it: the beans of its auto-configuration, from {@code openai.*}
 * properties, in a minimal Spring Boot application (no web server, no actuator).
 */
final class StarterClient implements BenchClient {

	/** The request, built once as an application would keep it; the client serializes it on every call. */
	static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model(Payloads.MODEL)
		.messages(List.of(ChatMessage.system(Payloads.SYSTEM), ChatMessage.user(Payloads.FIRST_QUESTION),
				ChatMessage.assistant(Payloads.FIRST_ANSWER), ChatMessage.user(Payloads.QUESTION)))
		.temperature(Payloads.TEMPERATURE)
		.maxCompletionTokens(Payloads.MAX_COMPLETION_TOKENS)
		.build();

	static final ListChatCompletionsParams LIST = ListChatCompletionsParams.builder().limit(Payloads.PAGE_SIZE).build();

	private final ConfigurableApplicationContext context;

	private final ReactiveChatCompletionsOperations reactive;

	private final ChatCompletionsOperations blocking;

	private final boolean useReactive;

	private StarterClient(String baseUrl, boolean useReactive) {
		this.context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("openai.base-url=" + baseUrl, "openai.api-key=sk-benchmark", "logging.level.root=error")
			.run();
		this.reactive = this.context.getBean(ReactiveChatCompletionsOperations.class);
		this.blocking = this.context.getBean(ChatCompletionsOperations.class);
		this.useReactive = useReactive;
	}

	/**
	 * The reactive API.
	 * @param baseUrl the stand-in's base URL
	 * @return the client
	 */
	static StarterClient reactive(String baseUrl) {
		return new StarterClient(baseUrl, true);
	}

	/**
	 * The blocking API.
	 * @param baseUrl the stand-in's base URL
	 * @return the client
	 */
	static StarterClient blocking(String baseUrl) {
		return new StarterClient(baseUrl, false);
	}

	/**
	 * The application context, to report which beans took part.
	 * @return the context
	 */
	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public Object create() {
		return this.useReactive ? this.reactive.create(REQUEST).block() : this.blocking.create(REQUEST);
	}

	@Override
	public boolean isAsync() {
		return this.useReactive;
	}

	@Override
	public void createAsync(BiConsumer<Object, Throwable> done) {
		this.reactive.create(REQUEST).subscribe((completion) -> done.accept(completion, null),
				(error) -> done.accept(null, error));
	}

	@Override
	public int stream(LongConsumer onChunk) {
		return this.useReactive ? BenchClient.readAll(this.reactive.stream(REQUEST), ChatCompletionChunk::created, onChunk)
				: BenchClient.readAll(this.blocking.stream(REQUEST), ChatCompletionChunk::created, onChunk);
	}

	@Override
	public boolean isAsyncStream() {
		return this.useReactive;
	}

	@Override
	public void streamAsync(LongConsumer onChunk, Consumer<Throwable> onEnd) {
		BenchClient.subscribe(this.reactive.stream(REQUEST), ChatCompletionChunk::created, onChunk, onEnd);
	}

	@Override
	public Object list() {
		return this.useReactive ? this.reactive.list(LIST).block() : this.blocking.list(LIST);
	}

	@Override
	public String text(Object completion) {
		return ((ChatCompletion) completion).text();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The minimal application: auto-configuration only. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
