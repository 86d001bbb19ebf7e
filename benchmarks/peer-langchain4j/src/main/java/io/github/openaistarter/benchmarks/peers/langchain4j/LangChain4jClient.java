package io.github.openaistarter.benchmarks.peers.langchain4j;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import io.github.openaistarter.benchmarks.BenchClient;
import io.github.openaistarter.benchmarks.Payloads;
import io.github.openaistarter.benchmarks.VirtualThreads;

/**
 * LangChain4j 1.19.0 as its documentation builds it: {@code OpenAiChatModel.builder()} and
 * {@code OpenAiStreamingChatModel.builder()} with the base URL, key, model, temperature and token limit, on the
 * HTTP client LangChain4j picks by default ({@code langchain4j-http-client-jdk}: the JDK's {@code HttpClient}
 * with its defaults). Its calls are blocking; its streams call a handler back, once per content chunk.
 * <p>
 * Tuned, as its "Customizable HTTP Client" tutorial shows ({@code httpClientBuilder(JdkHttpClient.builder()
 * .httpClientBuilder(HttpClient.newBuilder()...))}): HTTP/1.1 stated (the JDK's default prefers HTTP/2 and asks a
 * plain-HTTP server to upgrade on every new connection) and the client's threads virtual when the JVM has them.
 */
public final class LangChain4jClient implements BenchClient {

	/** The conversation, built once as an application would keep it; the client converts it on every call. */
	static final ChatRequest REQUEST = ChatRequest.builder()
		.messages(List.of(SystemMessage.from(Payloads.SYSTEM), UserMessage.from(Payloads.FIRST_QUESTION),
				AiMessage.from(Payloads.FIRST_ANSWER), UserMessage.from(Payloads.QUESTION)))
		.build();

	private final OpenAiChatModel model;

	private final OpenAiStreamingChatModel streaming;

	private final ExecutorService executor;

	private LangChain4jClient(String baseUrl, boolean tuned) {
		this.executor = tuned ? VirtualThreads.perTaskExecutor() : null;
		OpenAiChatModel.OpenAiChatModelBuilder model = OpenAiChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("sk-benchmark")
			.modelName(Payloads.MODEL)
			.temperature(Payloads.TEMPERATURE)
			.maxCompletionTokens(Payloads.MAX_COMPLETION_TOKENS);
		OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder streaming = OpenAiStreamingChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("sk-benchmark")
			.modelName(Payloads.MODEL)
			.temperature(Payloads.TEMPERATURE)
			.maxCompletionTokens(Payloads.MAX_COMPLETION_TOKENS);
		if (tuned) {
			model.httpClientBuilder(tunedHttpClient());
			streaming.httpClientBuilder(tunedHttpClient());
		}
		this.model = model.build();
		this.streaming = streaming.build();
	}

	/**
	 * Builds the two models.
	 * @param baseUrl the stand-in's base URL
	 * @param tuned whether on the customized JDK {@code HttpClient}
	 * @return the client
	 */
	public static BenchClient create(String baseUrl, boolean tuned) {
		return new LangChain4jClient(baseUrl, tuned);
	}

	private JdkHttpClientBuilder tunedHttpClient() {
		return JdkHttpClient.builder()
			.httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(this.executor));
	}

	@Override
	public Object create() {
		return this.model.chat(REQUEST);
	}

	@Override
	public boolean isAsync() {
		return false;
	}

	@Override
	public void createAsync(BiConsumer<Object, Throwable> done) {
		throw new UnsupportedOperationException("LangChain4j's OpenAiChatModel has no asynchronous call");
	}

	/** Tells each partial response's text length: LangChain4j hands over the text of content chunks only. */
	@Override
	public int stream(LongConsumer onChunk) {
		return awaitStream(onChunk);
	}

	/**
	 * Not asynchronous enough to open many streams from one thread: {@code JdkHttpClient} attaches its SSE parser to
	 * the response future, and when the response's headers have arrived by then the parser reads the whole stream on
	 * the thread that called {@code chat}. Callers give each stream a thread of its own.
	 */
	@Override
	public boolean isAsyncStream() {
		return false;
	}

	/** Streams through {@code OpenAiStreamingChatModel.chat} with a handler, telling each partial response's length. */
	@Override
	public void streamAsync(LongConsumer onChunk, Consumer<Throwable> onEnd) {
		this.streaming.chat(REQUEST, new StreamingChatResponseHandler() {

			@Override
			public void onPartialResponse(String partialResponse) {
				onChunk.accept(partialResponse.length());
			}

			@Override
			public void onCompleteResponse(ChatResponse completeResponse) {
				onEnd.accept(null);
			}

			@Override
			public void onError(Throwable error) {
				onEnd.accept(error);
			}

		});
	}

	@Override
	public Object list() {
		throw new UnsupportedOperationException("LangChain4j does not list stored completions");
	}

	@Override
	public String text(Object completion) {
		String text = ((ChatResponse) completion).aiMessage().text();
		return (text != null) ? text : "";
	}

	@Override
	public void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

}
