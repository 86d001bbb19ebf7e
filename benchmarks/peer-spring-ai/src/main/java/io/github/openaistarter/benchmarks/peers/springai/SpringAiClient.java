package io.github.openaistarter.benchmarks.peers.springai;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.github.openaistarter.benchmarks.BenchClient;
import io.github.openaistarter.benchmarks.Payloads;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring AI 2.0.1 as an application gets it: {@code spring-ai-starter-model-openai} in a minimal Spring Boot
 * application (no web server, no actuator), configured by {@code spring.ai.openai.*} properties, and the
 * {@code ChatClient} its documentation leads with, built from the auto-configured {@code ChatClient.Builder}. The
 * model, temperature and token limit are the chat defaults set by properties, so each call sends the same request
 * as the other clients. Under the hood Spring AI 2.0 calls openai-java's core over OkHttp (its own
 * {@code SpringAiOpenAiHttpClient}); its calls are blocking, its streams a {@code Flux}.
 * <p>
 * Tuned: {@link TunedHttpClient}, the customizer bean Spring AI's documentation names for changing the OkHttp
 * client.
 */
public final class SpringAiClient implements BenchClient {

	/** The conversation, built once as an application would keep it; the client converts it on every call. */
	static final List<Message> MESSAGES = List.of(new SystemMessage(Payloads.SYSTEM),
			new UserMessage(Payloads.FIRST_QUESTION), new AssistantMessage(Payloads.FIRST_ANSWER),
			new UserMessage(Payloads.QUESTION));

	private final ConfigurableApplicationContext context;

	private final ChatClient chat;

	private SpringAiClient(String baseUrl, boolean tuned) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class);
		if (tuned) {
			application.sources(TunedHttpClient.class);
		}
		this.context = application.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.ai.openai.base-url=" + baseUrl, "spring.ai.openai.api-key=sk-benchmark",
					"spring.ai.openai.chat.model=" + Payloads.MODEL,
					"spring.ai.openai.chat.temperature=" + Payloads.TEMPERATURE,
					"spring.ai.openai.chat.max-completion-tokens=" + Payloads.MAX_COMPLETION_TOKENS,
					"logging.level.root=error")
			.run();
		this.chat = this.context.getBean(ChatClient.Builder.class).build();
	}

	/**
	 * Starts the application and builds its {@code ChatClient}.
	 * @param baseUrl the stand-in's base URL
	 * @param tuned whether with {@link TunedHttpClient}
	 * @return the client
	 */
	public static BenchClient create(String baseUrl, boolean tuned) {
		return new SpringAiClient(baseUrl, tuned);
	}

	@Override
	public Object create() {
		return this.chat.prompt().messages(MESSAGES).call().chatResponse();
	}

	@Override
	public boolean isAsync() {
		return false;
	}

	@Override
	public void createAsync(BiConsumer<Object, Throwable> done) {
		throw new UnsupportedOperationException("Spring AI's ChatClient has no asynchronous call");
	}

	/** Tells each chunk's text length: Spring AI's chunks carry no {@code created} stamp. */
	@Override
	public int stream(LongConsumer onChunk) {
		return BenchClient.readAll(this.chat.prompt().messages(MESSAGES).stream().chatResponse(),
				SpringAiClient::textLength, onChunk);
	}

	/** Subscribes to the {@code Flux<ChatResponse>} of {@code ChatClient}'s stream, telling each chunk's text length. */
	@Override
	public void streamAsync(LongConsumer onChunk, Consumer<Throwable> onEnd) {
		BenchClient.subscribe(this.chat.prompt().messages(MESSAGES).stream().chatResponse(), SpringAiClient::textLength,
				onChunk, onEnd);
	}

	@Override
	public boolean isAsyncStream() {
		return true;
	}

	@Override
	public Object list() {
		throw new UnsupportedOperationException("Spring AI does not list stored completions");
	}

	@Override
	public String text(Object completion) {
		String text = ((ChatResponse) completion).getResult().getOutput().getText();
		return (text != null) ? text : "";
	}

	private static long textLength(ChatResponse chunk) {
		if (chunk.getResult() == null) {
			return 0;
		}
		String text = chunk.getResult().getOutput().getText();
		return (text != null) ? text.length() : 0;
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
