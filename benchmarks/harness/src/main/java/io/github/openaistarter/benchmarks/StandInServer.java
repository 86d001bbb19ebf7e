package io.github.openaistarter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An OpenAI stand-in made for load: a Reactor Netty server on loopback that answers from pre-encoded bytes and
 * headers, so it costs next to nothing per call and is never the bottleneck. The first path segment of the
 * base URL ({@link StandInUrl}) carries the behaviour, so one server serves every measure:
 * <ul>
 * <li>{@code l<ms>}: answer after a fixed latency (for example {@code l100});</li>
 * <li>{@code c<n>}: stream {@code n} content chunks (default 100);</li>
 * <li>{@code j}: answer creates with a structured answer, a {@link PackingList}'s JSON;</li>
 * <li>{@code s}: write each chunk on its own, 1 ms apart, with the time of writing ({@link System#nanoTime()},
 * system-wide on Linux) in its {@code created} field, so a client can tell how long a chunk took to reach it;</li>
 * <li>{@code p<ms>}: a slow stream, one write every {@code ms} milliseconds (the role with the first content chunk,
 * then one content chunk each, then the finish, the usage and {@code [DONE]}), each stream a {@link Flux#interval}
 * on Reactor's one parallel scheduler, so that thousands of open streams cost timer entries, not threads.</li>
 * </ul>
 * {@code POST .../v1/chat/completions} answers the 2 KB completion, or the stream when the body asks for one;
 * {@code GET .../v1/chat/completions} a page of 20 stored completions; {@code GET .../v1/chat/completions/{id}}
 * the completion. Run it as a process of its own ({@link #main}) so its work is not counted as the client's.
 */
public final class StandInServer implements AutoCloseable {

	private static final byte[] STREAM_KEY = "\"stream\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final ByteBuf COMPLETION = constant(Payloads.COMPLETION);

	private static final ByteBuf LIST_PAGE = constant(Payloads.LIST_PAGE);

	private static final ByteBuf STRUCTURED_COMPLETION = constant(Payloads.STRUCTURED_COMPLETION);

	private static final HttpHeaders COMPLETION_HEADERS = headers("application/json", Payloads.COMPLETION.length);

	private static final HttpHeaders STRUCTURED_HEADERS = headers("application/json",
			Payloads.STRUCTURED_COMPLETION.length);

	private static final HttpHeaders LIST_HEADERS = headers("application/json", Payloads.LIST_PAGE.length);

	private static final HttpHeaders STREAM_HEADERS = headers("text/event-stream; charset=utf-8", -1);

	private static final Duration STAMPED_CHUNK_SPACING = Duration.ofMillis(1);

	private final Map<String, Options> options = new ConcurrentHashMap<>();

	private final Map<Integer, ByteBuf> streams = new ConcurrentHashMap<>();

	private final Map<Integer, List<byte[]>> streamEvents = new ConcurrentHashMap<>();

	private final Map<Integer, List<ByteBuf>> pacedWrites = new ConcurrentHashMap<>();

	private final DisposableServer server;

	private StandInServer(int port) {
		this.server = HttpServer.create().host("127.0.0.1").port(port).handle(this::handle).bindNow();
	}

	/**
	 * Starts a stand-in in this JVM.
	 * @param port the port, 0 for any free one
	 * @return the running server
	 */
	public static StandInServer start(int port) {
		return new StandInServer(port);
	}

	/**
	 * The port it listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Runs a stand-in until its standard input closes (so it ends with the process that started it), printing
	 * {@code STAND-IN PORT <port>} once it listens.
	 * @param args the port, default any free one
	 * @throws IOException never in practice
	 */
	public static void main(String[] args) throws IOException {
		try (StandInServer server = start((args.length > 0) ? Integer.parseInt(args[0]) : 0)) {
			System.out.println("STAND-IN PORT " + server.port());
			System.out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			while (in.readLine() != null) {
				// wait for the parent to close our input
			}
		}
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String uri = request.uri();
		int slash = uri.indexOf('/', 1);
		if (slash < 0) {
			return response.status(HttpResponseStatus.NOT_FOUND).send();
		}
		Options options = this.options.computeIfAbsent(uri.substring(1, slash), Options::parse);
		String path = uri.substring(slash);
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		if (request.method().equals(HttpMethod.POST) && path.equals("/v1/chat/completions")) {
			return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
				boolean stream = asksForStream(body);
				return later(options, () -> stream ? stream(response, options)
						: options.structured ? send(response, STRUCTURED_HEADERS, STRUCTURED_COMPLETION)
								: send(response, COMPLETION_HEADERS, COMPLETION));
			});
		}
		if (request.method().equals(HttpMethod.GET) && path.equals("/v1/chat/completions")) {
			return request.receive().then(later(options, () -> send(response, LIST_HEADERS, LIST_PAGE)));
		}
		if (request.method().equals(HttpMethod.GET) && path.startsWith("/v1/chat/completions/")) {
			return request.receive().then(later(options, () -> send(response, COMPLETION_HEADERS, COMPLETION)));
		}
		return response.status(HttpResponseStatus.NOT_FOUND).send();
	}

	private static Mono<Void> later(Options options, java.util.function.Supplier<Mono<Void>> answer) {
		return (options.latency.isZero()) ? Mono.defer(answer) : Mono.delay(options.latency).then(Mono.defer(answer));
	}

	private static Mono<Void> send(HttpServerResponse response, HttpHeaders headers, ByteBuf body) {
		return response.headers(headers).sendObject(body.duplicate()).then();
	}

	private Mono<Void> stream(HttpServerResponse response, Options options) {
		response.headers(STREAM_HEADERS);
		if (!options.pace.isZero()) {
			return paced(response, options);
		}
		if (!options.stamped) {
			ByteBuf body = this.streams.computeIfAbsent(options.chunks, (n) -> constant(concat(events(n))));
			return response.sendObject(body.duplicate()).then();
		}
		List<byte[]> events = events(options.chunks);
		Flux<ByteBuf> stamped = Flux.interval(Duration.ZERO, STAMPED_CHUNK_SPACING)
			.onBackpressureBuffer()
			.take(events.size())
			.map((i) -> stamp(events.get(i.intValue())));
		return response.send(stamped, (buffer) -> true).then();
	}

	private Mono<Void> paced(HttpServerResponse response, Options options) {
		List<ByteBuf> writes = this.pacedWrites.computeIfAbsent(options.chunks, (n) -> pacedWrites(events(n)));
		Flux<ByteBuf> paced = Flux.interval(Duration.ZERO, options.pace)
			.onBackpressureBuffer()
			.take(writes.size())
			.map((i) -> writes.get(i.intValue()).duplicate());
		return response.send(paced, (buffer) -> true).then();
	}

	/**
	 * The writes of a paced stream: the role with the first content chunk (so that every client, also those that
	 * only report content, sees its first chunk at the first write), each further content chunk, then the finish,
	 * the usage and {@code [DONE]} together.
	 */
	private static List<ByteBuf> pacedWrites(List<byte[]> events) {
		int contents = events.size() - 4;
		if (contents < 1) {
			return List.of(constant(concat(events)));
		}
		List<ByteBuf> writes = new ArrayList<>(contents + 1);
		writes.add(constant(concat(events.subList(0, 2))));
		for (int i = 2; i <= contents; i++) {
			writes.add(constant(events.get(i)));
		}
		writes.add(constant(concat(events.subList(contents + 1, events.size()))));
		return writes;
	}

	private List<byte[]> events(int chunks) {
		return this.streamEvents.computeIfAbsent(chunks, Payloads::streamEvents);
	}

	/** A copy of an event with the time of writing in its {@code created} slot, if it has one. */
	private static ByteBuf stamp(byte[] event) {
		byte[] copy = event.clone();
		int slot = indexOf(copy, Payloads.CREATED.getBytes(StandardCharsets.US_ASCII), 0);
		if (slot >= 0) {
			String now = String.valueOf(System.nanoTime());
			String padded = " ".repeat(Payloads.CREATED.length() - now.length()) + now;
			byte[] digits = padded.getBytes(StandardCharsets.US_ASCII);
			System.arraycopy(digits, 0, copy, slot, digits.length);
		}
		return Unpooled.wrappedBuffer(copy);
	}

	private static byte[] concat(List<byte[]> parts) {
		int length = parts.stream().mapToInt((part) -> part.length).sum();
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private static ByteBuf constant(byte[] bytes) {
		return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
	}

	/** The headers OpenAI sends with an answer: request id, processing time, rate limits, CDN headers. */
	private static HttpHeaders headers(String contentType, int contentLength) {
		HttpHeaders headers = new DefaultHttpHeaders();
		headers.set("date", "Tue, 12 Aug 2025 14:16:34 GMT");
		headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
		if (contentLength >= 0) {
			headers.set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
		}
		else {
			headers.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
		}
		headers.set("access-control-expose-headers", "X-Request-ID");
		headers.set("openai-organization", "user-benchmarkorg0000000000");
		headers.set("openai-processing-ms", "412");
		headers.set("openai-project", "proj_Benchmark0000000000000000");
		headers.set("openai-version", "2020-10-01");
		headers.set("x-envoy-upstream-service-time", "417");
		headers.set("x-ratelimit-limit-requests", "30000");
		headers.set("x-ratelimit-limit-tokens", "150000000");
		headers.set("x-ratelimit-remaining-requests", "29999");
		headers.set("x-ratelimit-remaining-tokens", "149999862");
		headers.set("x-ratelimit-reset-requests", "2ms");
		headers.set("x-ratelimit-reset-tokens", "0s");
		headers.set("x-request-id", "req_5f3c5d2b8a9e4f0c9d1e2a3b4c5d6e7f");
		headers.set("strict-transport-security", "max-age=31536000; includeSubDomains; preload");
		headers.set("cf-cache-status", "DYNAMIC");
		headers.add("set-cookie", "__cf_bm=Zt3eXb8o2q7rQ1w9y0uV4sT6pL5kJ8hG3fD2sA1qW0e-1755008194-1.0.1.1-AbCdEf;"
				+ " path=/; expires=Tue, 12-Aug-25 14:46:34 GMT; domain=.api.openai.com; HttpOnly; Secure;"
				+ " SameSite=None");
		headers.add("set-cookie", "_cfuvid=q9W8e7R6t5Y4u3I2o1P0aSdFgHjKl-1755008194123-0.0.1.1-604800000; path=/;"
				+ " domain=.api.openai.com; HttpOnly; Secure; SameSite=None");
		headers.set("x-content-type-options", "nosniff");
		headers.set("server", "cloudflare");
		headers.set("cf-ray", "96e1a2b3c4d5e6f7-AMS");
		headers.set("alt-svc", "h3=\":443\"; ma=86400");
		return headers;
	}

	/**
	 * Whether a request body has {@code "stream": true}, with or without whitespace around the colon (LangChain4j
	 * sends its requests pretty-printed).
	 */
	private static boolean asksForStream(byte[] body) {
		int key = indexOf(body, STREAM_KEY, 0);
		if (key < 0) {
			return false;
		}
		int i = skipWhitespace(body, key + STREAM_KEY.length);
		if (i >= body.length || body[i] != ':') {
			return false;
		}
		i = skipWhitespace(body, i + 1);
		return i + TRUE.length <= body.length && indexOf(body, TRUE, i) == i;
	}

	private static int skipWhitespace(byte[] bytes, int from) {
		int i = from;
		while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
			i++;
		}
		return i;
	}

	private static int indexOf(byte[] bytes, byte[] target, int from) {
		outer: for (int i = from; i <= bytes.length - target.length; i++) {
			for (int j = 0; j < target.length; j++) {
				if (bytes[i + j] != target[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A behaviour, parsed from the first path segment. */
	private record Options(Duration latency, int chunks, boolean stamped, boolean structured, Duration pace) {

		static Options parse(String segment) {
			Duration latency = Duration.ZERO;
			Duration pace = Duration.ZERO;
			int chunks = 100;
			boolean stamped = false;
			boolean structured = false;
			for (String token : segment.split("-")) {
				if (token.startsWith("l")) {
					latency = Duration.ofMillis(Long.parseLong(token.substring(1)));
				}
				else if (token.startsWith("c")) {
					chunks = Integer.parseInt(token.substring(1));
				}
				else if (token.equals("s")) {
					stamped = true;
				}
				else if (token.equals("j")) {
					structured = true;
				}
				else if (token.startsWith("p")) {
					pace = Duration.ofMillis(Long.parseLong(token.substring(1)));
				}
			}
			return new Options(latency, chunks, stamped, structured, pace);
		}

	}

}
