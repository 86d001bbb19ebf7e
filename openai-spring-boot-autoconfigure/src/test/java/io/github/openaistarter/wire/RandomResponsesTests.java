package io.github.openaistarter.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes answers that Prism generates at random from the official description (dynamic
 * mode: every optional field, nulls, empty arrays, strings where we expect known values)
 * through the real client and transport, at least {@value #PER_OPERATION} per operation,
 * plus {@value #CHUNKS} generated stream chunks streamed through the client and decoded
 * directly. Every answer must decode, and keep every value our types model.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RandomResponsesTests {

	static final int PER_OPERATION = 300;

	static final int CHUNKS = 400;

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final Map<String, Integer> DECODED = new ConcurrentSkipListMap<>();

	/**
	 * Connections to Prism, dropped after 2 s idle: Prism (Node) closes idle connections
	 * after 5 s, and a request sent on a connection it is closing fails with a reset.
	 */
	private static final ConnectionProvider CONNECTIONS = ConnectionProvider.builder("prism")
		.maxIdleTime(Duration.ofSeconds(2))
		.build();

	private static PrismMock prism;

	private static CompletableFuture<List<String>> chunks;

	@BeforeAll
	static void startPrism() throws Exception {
		prism = PrismMock.start();
		chunks = CompletableFuture.supplyAsync(() -> {
			try {
				return prism.generateChunks(CHUNKS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@AfterAll
	static void stopPrism() {
		CONNECTIONS.dispose();
		if (prism != null) {
			prism.close();
		}
		if (!DECODED.isEmpty()) {
			StringBuilder report = new StringBuilder("\nRandom answers from Prism decoded without loss:\n");
			DECODED.forEach((operation, count) -> report.append(String.format("  %-28s %4d%n", operation, count)));
			System.out.print(report);
		}
	}

	@Test
	void createAnswersDecode() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("gpt-4.1-mini")
			.message(ChatMessage.user("Tell me something random."))
			.store(true)
			.metadata(Map.of("run", "random answers"))
			.build();
		decodeEach("createChatCompletion", (chat) -> chat.create(request));
	}

	@Test
	void retrieveAnswersDecode() {
		decodeEach("getChatCompletion", (chat) -> chat.retrieve("chatcmpl-random"));
	}

	@Test
	void updateAnswersDecode() {
		decodeEach("updateChatCompletion", (chat) -> chat.update("chatcmpl-random", Map.of("topic", "a b&c=d é")));
	}

	@Test
	void deleteAnswersDecode() {
		decodeEach("deleteChatCompletion", (chat) -> chat.delete("chatcmpl-random"));
	}

	@Test
	void listAnswersDecode() {
		ListChatCompletionsParams params = ListChatCompletionsParams.builder()
			.after("chatcmpl-previous")
			.limit(20)
			.order(SortOrder.DESC)
			.model("gpt-4.1-mini")
			.metadata("topic", "a b&c=d é")
			.build();
		decodeEach("listChatCompletions", (chat) -> chat.list(params));
	}

	@Test
	void listMessagesAnswersDecode() {
		ListMessagesParams params = ListMessagesParams.builder()
			.after("msg-previous")
			.limit(5)
			.order(SortOrder.ASC)
			.build();
		decodeEach("getChatCompletionMessages", (chat) -> chat.listMessages("chatcmpl-random", params));
	}

	@Test
	void generatedChunksDecodeDirectlyAndThroughTheClient() throws Exception {
		List<String> generated = chunks.get(3, TimeUnit.MINUTES);
		assertThat(generated).hasSizeGreaterThanOrEqualTo(CHUNKS);
		JsonMapper mapper = OpenAiJson.createMapper();
		List<String> problems = new ArrayList<>();
		for (String chunk : generated) {
			problems.addAll(LosslessDecoding.differences(PLAIN.readTree(chunk),
					mapper.readValue(chunk, ChatCompletionChunk.class)));
		}
		assertThat(problems).as("values lost decoding generated chunks").isEmpty();
		try (MockWebServer server = new MockWebServer()) {
			StringBuilder events = new StringBuilder();
			generated.forEach((chunk) -> events.append("data: ").append(chunk).append("\n\n"));
			server.enqueue(new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "text/event-stream")
				.body(events.append("data: [DONE]\n\n").toString())
				.build());
			server.start();
			OpenAiTransport transport = OpenAiTransport.builder(new ReactorClientHttpConnector())
				.baseUrl(server.url("/v1").toString())
				.apiKey("sk-prism")
				.build();
			ChatCompletionsOperations chat = new ChatCompletionsTemplate(
					new ChatCompletionsClient(transport, Map.of()));
			List<ChatCompletionChunk> streamed;
			try (Stream<ChatCompletionChunk> stream = chat
				.stream(ChatCompletionRequest.of("gpt-4.1-mini", List.of(ChatMessage.user("stream"))))) {
				streamed = stream.toList();
			}
			assertThat(streamed).hasSameSizeAs(generated);
			for (int i = 0; i < streamed.size(); i++) {
				problems.addAll(LosslessDecoding.differences(PLAIN.readTree(generated.get(i)), streamed.get(i)));
			}
			assertThat(problems).as("values lost streaming generated chunks through the client").isEmpty();
		}
		DECODED.put("stream chunks (direct)", generated.size());
		DECODED.put("stream chunks (client)", generated.size());
	}

	/**
	 * Calls an operation {@value #PER_OPERATION} times against Prism and checks each
	 * answer decoded without loss, comparing with the body that came over the wire.
	 */
	private void decodeEach(String operation, Function<ChatCompletionsOperations, Object> call) {
		AtomicReference<String> lastBody = new AtomicReference<>();
		ChatCompletionsOperations chat = clientRecordingBodies(lastBody);
		List<String> problems = new ArrayList<>();
		int decoded = 0;
		for (int i = 0; i < PER_OPERATION; i++) {
			lastBody.set(null);
			try {
				Object result = call.apply(chat);
				JsonNode json = PLAIN.readTree(lastBody.get());
				List<String> differences = LosslessDecoding.differences(json, result);
				if (differences.isEmpty()) {
					decoded++;
				}
				else {
					problems.add(differences + " in " + lastBody.get());
				}
			}
			catch (RuntimeException ex) {
				problems.add(ex + " for " + lastBody.get());
			}
		}
		assertThat(problems)
			.as("%s answers that failed to decode or lost values (Prism log: %s)", operation, prismLog())
			.isEmpty();
		assertThat(decoded).isEqualTo(PER_OPERATION);
		DECODED.put(operation, decoded);
	}

	/**
	 * The blocking client on a transport to Prism whose connector remembers the last body
	 * received.
	 */
	private static ChatCompletionsOperations clientRecordingBodies(AtomicReference<String> lastBody) {
		ClientHttpConnector connector = new ReactorClientHttpConnector(HttpClient.create(CONNECTIONS));
		ClientHttpConnector recording = (method, uri, request) -> connector.connect(method, uri, request)
			.map((response) -> new ClientHttpResponseDecorator(response) {

				@Override
				public Flux<DataBuffer> getBody() {
					return DataBufferUtils.join(super.getBody())
						.doOnSubscribe((subscription) -> lastBody.set(""))
						.doOnNext((buffer) -> lastBody.set(buffer.toString(StandardCharsets.UTF_8)))
						.flux();
				}

			});
		OpenAiTransport transport = OpenAiTransport.builder(recording)
			.baseUrl(prism.baseUrl())
			.apiKey("sk-prism")
			.build();
		return new ChatCompletionsTemplate(new ChatCompletionsClient(transport, Map.of()));
	}

	private static String prismLog() {
		try {
			String log = prism.log();
			return (log.length() > 4000) ? log.substring(log.length() - 4000) : log;
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
