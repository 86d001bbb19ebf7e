package io.github.openaistarter.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Answers one HTTP exchange: records the request, applies the next matching
 * {@link Fault}, checks the API key, routes to the operation (under {@code /v1} or at the
 * root) and writes the reply with the API's headers.
 */
final class FakeRouter implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final byte[] NO_BODY = new byte[0];

	private final ChatCompletionsApi chat;

	private final RequestLog requests;

	private final FaultQueue faults;

	private final @Nullable String apiKey;

	private final Duration chunkDelay;

	private final AtomicLong received = new AtomicLong();

	/**
	 * Creates the router.
	 * @param chat the chat completions operations
	 * @param requests where requests are recorded
	 * @param faults the queued faults
	 * @param apiKey the only key accepted, or {@code null} to accept any
	 * @param chunkDelay the pause between two chunks of a stream
	 */
	FakeRouter(ChatCompletionsApi chat, RequestLog requests, FaultQueue faults, @Nullable String apiKey,
			Duration chunkDelay) {
		this.chat = chat;
		this.requests = requests;
		this.faults = faults;
		this.apiKey = apiKey;
		this.chunkDelay = chunkDelay;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		long start = System.nanoTime();
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(NO_BODY)
			.flatMap((body) -> handle(RecordedRequest.of(request, body), response, start));
	}

	private Mono<Void> handle(RecordedRequest request, HttpServerResponse response, long start) {
		this.requests.add(request);
		long number = this.received.incrementAndGet();
		Fault fault = this.faults.take(request.method(), request.apiPath(), request.isStreaming());
		Mono<Void> answer = Mono.defer(() -> answer(request, response, fault, start, number));
		return (fault != null && fault.kind() == Fault.Kind.DELAY) ? Mono.delay(fault.duration()).then(answer) : answer;
	}

	private Mono<Void> answer(RecordedRequest request, HttpServerResponse response, @Nullable Fault fault, long start,
			long number) {
		if (fault != null && fault.kind() == Fault.Kind.RESET) {
			response.withConnection(EventStreamWriter::reset);
			return Mono.empty();
		}
		if (fault != null && fault.kind() == Fault.Kind.STATUS) {
			ResponseHeaders.add(response, start, number);
			fault.headers().forEach(response::header);
			String body = fault.body();
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8)
					: Json.bytes(ApiError.forStatus(fault.statusCode()).toJson());
			return send(response, fault.statusCode(), bytes);
		}
		Reply reply = reply(request);
		ResponseHeaders.add(response, start, number);
		if (reply instanceof Reply.EventStream stream) {
			return Mono.from(EventStreamWriter.write(response, stream.chunks(), this.chunkDelay, fault));
		}
		Reply.Body body = (Reply.Body) reply;
		return send(response, body.status(), Json.bytes(body.body()));
	}

	private Reply reply(RecordedRequest request) {
		try {
			authenticate(request);
			return route(request);
		}
		catch (ApiError ex) {
			return new Reply.Body(ex.status(), ex.toJson());
		}
		catch (RuntimeException ex) {
			ApiError error = new ApiError(500, "OpenAiFakeServer failed: " + ex, "server_error", null, null);
			return new Reply.Body(500, error.toJson());
		}
	}

	private void authenticate(RecordedRequest request) {
		String authorization = request.header("authorization");
		String key = (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
				? authorization.substring(7).trim() : "";
		if (key.isEmpty()) {
			throw ApiError.missingApiKey("You didn't provide an API key. You need to provide your API key in an"
					+ " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the"
					+ " password field (with blank username) if you're accessing the API from your browser and are"
					+ " prompted for a username and password. You can obtain an API key from"
					+ " https://platform.openai.com/account/api-keys.");
		}
		if (this.apiKey != null && !this.apiKey.equals(key)) {
			throw ApiError.unauthorized("Incorrect API key provided: " + mask(key)
					+ ". You can find your API key at https://platform.openai.com/account/api-keys.");
		}
	}

	private Reply route(RecordedRequest request) {
		List<String> path = request.apiSegments();
		String method = request.method();
		int size = path.size();
		if (size >= 2 && path.get(0).equals("chat") && path.get(1).equals("completions")) {
			if (size == 2 && method.equals("POST")) {
				return this.chat.create(request);
			}
			if (size == 2 && method.equals("GET")) {
				return this.chat.list(request);
			}
			if (size == 3 && method.equals("GET")) {
				return this.chat.retrieve(path.get(2));
			}
			if (size == 3 && method.equals("POST")) {
				return this.chat.update(path.get(2), request);
			}
			if (size == 3 && method.equals("DELETE")) {
				return this.chat.delete(path.get(2));
			}
			if (size == 4 && path.get(3).equals("messages") && method.equals("GET")) {
				return this.chat.messages(path.get(2), request);
			}
		}
		if (size == 1 && path.get(0).equals("models") && method.equals("GET")) {
			return Reply.ok(ModelCatalog.list());
		}
		if (size == 2 && path.get(0).equals("models") && method.equals("GET")) {
			return Reply.ok(ModelCatalog.retrieve(path.get(1)));
		}
		throw ApiError.notFound("Invalid URL (" + method + " " + request.path() + ")");
	}

	private static Mono<Void> send(HttpServerResponse response, int status, byte[] body) {
		return response.status(status)
			.header("content-type", "application/json")
			.header("content-length", Integer.toString(body.length))
			.sendByteArray(Mono.just(body))
			.then();
	}

	private static String mask(String key) {
		return (key.length() <= 8) ? "*".repeat(key.length())
				: key.substring(0, 3) + "*".repeat(key.length() - 7) + key.substring(key.length() - 4);
	}

}
