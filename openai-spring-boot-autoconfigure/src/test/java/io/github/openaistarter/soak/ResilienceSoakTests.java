package io.github.openaistarter.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiException;
import io.github.openaistarter.core.OpenAiTimeoutException;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak run, not part of the unit suite
 * ({@code mvn -Psoak -pl openai-spring-boot-autoconfigure test}): 20,000 calls at
 * concurrency 64, plain and streaming, blocking and reactive, against a loopback Reactor
 * Netty server that answers one request in ten with a fault (429 with a short
 * retry-after-ms, 500, 503, a reset connection, an answer slower than the timeout,
 * malformed JSON, a stream cut or failed midway). Every call must end, either with its
 * answer or with an {@link OpenAiException}, and the pool must end with no connection in
 * use.
 */
@Tag("soak")
@Timeout(300)
class ResilienceSoakTests {

	private static final int CALLS = 20_000;

	private static final int CONCURRENCY = 64;

	private static final double FAULT_RATE = 0.10;

	/** Beyond every timeout and retry of one call: a call still running then is hung. */
	private static final Duration CALL_DEADLINE = Duration.ofSeconds(30);

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

	private static final String ANSWER = "soak answer";

	private static final String COMPLETION = "{\"id\":\"chatcmpl-soak\",\"object\":\"chat.completion\","
			+ "\"created\":1741569952,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
			+ "\"assistant\",\"content\":\"" + ANSWER + "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":"
			+ "\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";

	private static final List<String> CHUNKS = List.of(chunk("{\"role\":\"assistant\",\"content\":\"soak\"}", null),
			chunk("{\"content\":\" ans\"}", null), chunk("{\"content\":\"wer\"}", null), chunk("{}", "\"stop\""));

	private static final String ERROR_EVENT = "event: error\ndata: {\"error\":{\"message\":\"overloaded\","
			+ "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n";

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.of("gpt-4o-mini",
			List.of(ChatMessage.user("soak")));

	private static final ChatCompletionRequest STORED = ChatCompletionRequest.builder()
		.model("gpt-4o-mini")
		.message(ChatMessage.user("soak"))
		.store(true)
		.build();

	private final Map<Fault, LongAdder> faults = new ConcurrentHashMap<>();

	private final LongAdder requests = new LongAdder();

	private LoopResources serverLoops;

	private DisposableServer server;

	private OpenAiConnectionPool pool;

	private ChatCompletionsOperations chat;

	private ReactiveChatCompletionsOperations reactive;

	@BeforeEach
	void start() {
		this.serverLoops = LoopResources.create("soak-server", 1, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.serverLoops)
			.handle(this::answer)
			.bindNow();
		this.pool = OpenAiConnectionPool.builder().build();
		OpenAiTransport transport = OpenAiTransport
			.builder(new ReactorClientHttpConnector(HttpClient.create(this.pool.connectionProvider())))
			.baseUrl("http://127.0.0.1:" + this.server.port() + "/v1")
			.apiKey("sk-soak")
			.responseTimeout(RESPONSE_TIMEOUT)
			.streamIdleTimeout(RESPONSE_TIMEOUT)
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(1)))
			.build();
		ChatCompletionsClient client = new ChatCompletionsClient(transport, Map.of());
		this.chat = new ChatCompletionsTemplate(client);
		this.reactive = new ReactiveChatCompletionsTemplate(client);
	}

	@AfterEach
	void stop() {
		this.pool.close();
		this.server.disposeNow();
		this.serverLoops.disposeLater().block(Duration.ofSeconds(10));
	}

	@Test
	void everyCallEndsTypedAndEveryConnectionComesBack() throws InterruptedException {
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		Map<String, LongAdder> typedFailures = new ConcurrentHashMap<>();
		AtomicLong retriedThenFailed = new AtomicLong();
		long start = System.nanoTime();

		Flux.range(0, CALLS)
			.flatMap((i) -> call(i).timeout(CALL_DEADLINE)
				.thenReturn("ok")
				.onErrorResume((ex) -> Mono.just(classify(ex, typedFailures, retriedThenFailed))), CONCURRENCY)
			.doOnNext((outcome) -> outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment())
			.blockLast(Duration.ofMinutes(4));

		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.pool.activeConnections() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		long ok = count(outcomes, "ok");
		long typed = count(outcomes, "failed-typed");
		long untyped = count(outcomes, "failed-untyped");
		long hung = count(outcomes, "hung");
		System.out.printf(
				"SOAK calls=%d concurrency=%d ok=%d failed-typed=%d failed-untyped=%d hung=%d"
						+ " active-connections-after=%d idle-connections-after=%d server-requests=%d faults=%s"
						+ " typed-failures=%s retried-then-failed=%d elapsed=%.1fs%n",
				CALLS, CONCURRENCY, ok, typed, untyped, hung, this.pool.activeConnections(),
				this.pool.idleConnections(), this.requests.sum(), summary(this.faults), summary(typedFailures),
				retriedThenFailed.get(), elapsed.toMillis() / 1000.0);

		assertThat(ok + typed + untyped + hung).isEqualTo(CALLS);
		assertThat(untyped).as("calls that failed with an untyped exception").isZero();
		assertThat(hung).as("calls that did not end within %s", CALL_DEADLINE).isZero();
		assertThat(this.pool.activeConnections()).as("connections still in use after the run").isZero();
		assertThat(ok).as("calls that succeeded, retries included").isGreaterThan(CALLS * 85L / 100);
		assertThat(this.requests.sum()).as("requests the server saw, retries included").isGreaterThan(CALLS);
	}

	/**
	 * One call of a mix: blocking and reactive, plain and streaming, repeatable or not.
	 */
	private Mono<?> call(int i) {
		return switch (i % 10) {
			case 0, 1 -> blocking(() -> expect(this.chat.create(REQUEST)));
			case 2, 3 -> this.reactive.create(REQUEST).map(ResilienceSoakTests::expect);
			case 4, 5 ->
				ChatCompletionAccumulator.accumulate(this.reactive.stream(REQUEST)).map(ResilienceSoakTests::expect);
			case 6 -> blocking(() -> expect(this.chat.stream(REQUEST, (chunk) -> {
			})));
			case 7 -> this.reactive.retrieve("chatcmpl-soak").map(ResilienceSoakTests::expect);
			case 8 -> this.reactive.create(STORED).map(ResilienceSoakTests::expect);
			default -> this.reactive.stream(STORED).then(Mono.just(ANSWER));
		};
	}

	private static Mono<Object> blocking(Callable<Object> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
	}

	private static Object expect(ChatCompletion completion) {
		if (!ANSWER.equals(completion.text())) {
			throw new IllegalStateException("Unexpected answer: " + completion.text());
		}
		return completion;
	}

	private static String classify(Throwable ex, Map<String, LongAdder> typedFailures, AtomicLong retriedThenFailed) {
		if (ex instanceof TimeoutException) {
			return "hung";
		}
		if (ex instanceof OpenAiException openAi) {
			String kind = ex.getClass().getSimpleName();
			if (ex instanceof OpenAiTimeoutException) {
				kind += ex.getMessage().contains("idle") ? "(idle)" : "(answer)";
			}
			typedFailures.computeIfAbsent(kind, (key) -> new LongAdder()).increment();
			if (openAi.attempts() > 1) {
				retriedThenFailed.incrementAndGet();
			}
			return "failed-typed";
		}
		System.out.println("SOAK untyped failure: " + ex);
		return "failed-untyped";
	}

	// ---- the server ----

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			this.requests.increment();
			boolean stream = body.contains("\"stream\":true");
			Fault fault = Fault.pick();
			if (fault != null) {
				this.faults.computeIfAbsent(fault, (key) -> new LongAdder()).increment();
				return fault(fault, stream, request, response);
			}
			return stream ? sendStream(response, Flux.fromIterable(CHUNKS).concatWithValues("data: [DONE]\n\n"))
					: sendJson(response, 200, COMPLETION);
		});
	}

	private Mono<Void> fault(Fault fault, boolean stream, HttpServerRequest request, HttpServerResponse response) {
		return switch (fault) {
			case RATE_LIMITED -> {
				response.header("retry-after-ms", String.valueOf(ThreadLocalRandom.current().nextInt(5, 21)));
				yield sendJson(response, 429, error("Rate limit reached", "requests"));
			}
			case SERVER_ERROR -> sendJson(response, 500, error("The server had an error", "server_error"));
			case UNAVAILABLE -> sendJson(response, 503, error("Overloaded", "server_error"));
			case RESET -> {
				request.withConnection(ResilienceSoakTests::reset);
				yield Mono.empty();
			}
			case SLOW -> Mono.delay(SLOW_ANSWER)
				.then(stream ? sendStream(response, Flux.fromIterable(CHUNKS).concatWithValues("data: [DONE]\n\n"))
						: sendJson(response, 200, COMPLETION))
				.onErrorResume((ex) -> Mono.empty());
			case MALFORMED -> stream ? sendStream(response, Flux.just(CHUNKS.get(0), "data: {\"id\": broken\n\n"))
					: sendJson(response, 200, COMPLETION.substring(0, COMPLETION.length() / 2));
			// a chunked answer, closed before its last chunk
			case CUT -> (stream ? sendStream(response, Flux.fromIterable(CHUNKS.subList(0, 2)))
					: response.header("content-type", "application/json")
						// two parts: a single one would be sent whole, with a
						// Content-Length
						.sendString(Flux.just(COMPLETION.substring(0, 20), COMPLETION.substring(20, 40)))
						.then())
				.then(Mono.fromRunnable(() -> request.withConnection(ResilienceSoakTests::reset)));
			case STREAM_ERROR -> stream ? sendStream(response, Flux.just(CHUNKS.get(0), ERROR_EVENT))
					: sendJson(response, 502, error("Bad gateway", "server_error"));
		};
	}

	/** Closes the connection at once, with a TCP reset. */
	private static void reset(Connection connection) {
		connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
		connection.channel().close();
	}

	private static Mono<Void> sendJson(HttpServerResponse response, int status, String json) {
		return response.status(status)
			.header("content-type", "application/json")
			.header("x-request-id", "req_soak")
			.sendString(Mono.just(json))
			.then();
	}

	private static Mono<Void> sendStream(HttpServerResponse response, Flux<String> events) {
		return response.header("content-type", "text/event-stream")
			.header("x-request-id", "req_soak")
			.sendString(events)
			.then();
	}

	private static String error(String message, String type) {
		return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}";
	}

	private static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-soak\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ finishReason + "}]}\n\n";
	}

	private static long count(Map<String, LongAdder> counts, String key) {
		LongAdder count = counts.get(key);
		return (count != null) ? count.sum() : 0;
	}

	private static String summary(Map<?, LongAdder> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + entry.getValue().sum())
			.sorted()
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * What the server does wrong, one request in ten.
	 */
	private enum Fault {

		RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, RESET, SLOW, MALFORMED, CUT, STREAM_ERROR;

		static Fault pick() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			if (random.nextDouble() >= FAULT_RATE) {
				return null;
			}
			Fault[] all = values();
			return all[random.nextInt(all.length)];
		}

	}

}
