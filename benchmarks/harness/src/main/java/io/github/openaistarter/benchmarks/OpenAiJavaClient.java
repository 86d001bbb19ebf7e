package io.github.openaistarter.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionListParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;

/**
 * The official SDK, {@code com.openai:openai-java} 4.52.0 (OkHttp). Defaults: {@code OpenAIOkHttpClient}
 * as its README builds it, whose OkHttp dispatcher runs at most 64 asynchronous calls at once (per host too) and
 * whose pool keeps 5 idle connections. Tuned: 2,000 calls in flight, 1,000 idle connections kept, and the
 * dispatcher's threads virtual when the JVM has them (the dispatcher limits have no builder setting: they are
 * raised on OkHttp's {@code Dispatcher} directly).
 */
final class OpenAiJavaClient implements BenchClient {

	/** In-flight and idle-connection limits of the tuned client. */
	static final int TUNED_MAX_REQUESTS = 2000;

	static final int TUNED_MAX_IDLE_CONNECTIONS = 1000;

	private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
		.model(Payloads.MODEL)
		.addSystemMessage(Payloads.SYSTEM)
		.addUserMessage(Payloads.FIRST_QUESTION)
		.addAssistantMessage(Payloads.FIRST_ANSWER)
		.addUserMessage(Payloads.QUESTION)
		.temperature(Payloads.TEMPERATURE)
		.maxCompletionTokens(Payloads.MAX_COMPLETION_TOKENS)
		.build();

	private static final ChatCompletionCreateParams STREAM_PARAMS = PARAMS.toBuilder()
		.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
		.build();

	private static final ChatCompletionListParams LIST = ChatCompletionListParams.builder()
		.limit(Payloads.PAGE_SIZE)
		.build();

	private final OpenAIClient client;

	private final boolean async;

	private final ExecutorService dispatcherExecutor;

	private OpenAiJavaClient(OpenAIClient client, boolean async, ExecutorService dispatcherExecutor) {
		this.client = client;
		this.async = async;
		this.dispatcherExecutor = dispatcherExecutor;
	}

	static OpenAiJavaClient create(String baseUrl, boolean async, boolean tuned) {
		if (!tuned) {
			return new OpenAiJavaClient(OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-benchmark").build(),
					async, null);
		}
		ExecutorService executor = VirtualThreads.perTaskExecutor();
		OkHttpClient http = OkHttpClient.builder()
			.maxIdleConnections(TUNED_MAX_IDLE_CONNECTIONS)
			.keepAliveDuration(Duration.ofMinutes(5))
			.dispatcherExecutorService(executor)
			.build();
		raiseDispatcherLimits(http);
		ClientOptions options = ClientOptions.builder().httpClient(http).baseUrl(baseUrl).apiKey("sk-benchmark").build();
		return new OpenAiJavaClient(new OpenAIClientImpl(options), async, executor);
	}

	/** OkHttp's {@code Dispatcher} limits, through reflection: OkHttp is only on openai-java's runtime classpath. */
	private static void raiseDispatcherLimits(OkHttpClient http) {
		try {
			Object okHttp = OkHttpClient.class.getMethod("getOkHttpClient$openai_java_client_okhttp").invoke(http);
			Object dispatcher = okHttp.getClass().getMethod("dispatcher").invoke(okHttp);
			dispatcher.getClass().getMethod("setMaxRequests", int.class).invoke(dispatcher, TUNED_MAX_REQUESTS);
			dispatcher.getClass().getMethod("setMaxRequestsPerHost", int.class).invoke(dispatcher, TUNED_MAX_REQUESTS);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot raise OkHttp's dispatcher limits", ex);
		}
	}

	@Override
	public Object create() {
		return this.async ? this.client.async().chat().completions().create(PARAMS).join()
				: this.client.chat().completions().create(PARAMS);
	}

	@Override
	public boolean isAsync() {
		return this.async;
	}

	@Override
	public void createAsync(BiConsumer<Object, Throwable> done) {
		this.client.async().chat().completions().create(PARAMS).whenComplete(done);
	}

	@Override
	public int stream(LongConsumer onChunk) {
		if (this.async) {
			return awaitStream(onChunk);
		}
		try (StreamResponse<ChatCompletionChunk> response = this.client.chat().completions()
			.createStreaming(STREAM_PARAMS)) {
			return BenchClient.readAll(response.stream(), ChatCompletionChunk::created, onChunk);
		}
	}

	@Override
	public boolean isAsyncStream() {
		return this.async;
	}

	@Override
	public void streamAsync(LongConsumer onChunk, Consumer<Throwable> onEnd) {
		this.client.async()
			.chat()
			.completions()
			.createStreaming(STREAM_PARAMS)
			.subscribe((chunk) -> onChunk.accept(chunk.created()))
			.onCompleteFuture()
			.whenComplete((done, error) -> onEnd.accept(error));
	}

	@Override
	public Object list() {
		return this.client.chat().completions().list(LIST);
	}

	@Override
	public String text(Object completion) {
		return ((ChatCompletion) completion).choices().get(0).message().content().orElse("");
	}

	@Override
	public void close() {
		this.client.close();
		if (this.dispatcherExecutor != null) {
			this.dispatcherExecutor.shutdownNow();
		}
	}

}
