package io.github.openaistarter.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A failure the {@link OpenAiFakeServer} applies to the next matching request, to
 * rehearse what the real API and the network do on a bad day: <pre>{@code
 * fake.enqueue(Fault.status(429).header("retry-after-ms", "50"));
 * fake.enqueue(Fault.delay(Duration.ofSeconds(2)).on("POST", "/chat/completions"));
 * fake.enqueue(Fault.reset().times(2));
 * fake.enqueue(Fault.streamErrorAfter(3));
 * }</pre> A fault matches any request unless narrowed with {@link #on(String, String)};
 * the stream faults match only streamed completions ({@code "stream": true}). It is spent
 * after {@link #times(int) one} matching request. Faults are applied before
 * authentication, in the order they were queued. Immutable: each method returns a new
 * fault.
 */
public final class Fault {

	enum Kind {

		STATUS, DELAY, RESET, STREAM_ERROR, STREAM_CUT, STREAM_RESET, STREAM_STALL;

		boolean streamOnly() {
			return this != STATUS && this != DELAY && this != RESET;
		}

	}

	private final Kind kind;

	private final int status;

	private final Map<String, String> headers;

	private final @Nullable String body;

	private final Duration duration;

	private final int chunks;

	private final @Nullable String method;

	private final @Nullable String pathPrefix;

	private final int times;

	private Fault(Kind kind, int status, Map<String, String> headers, @Nullable String body, Duration duration,
			int chunks, @Nullable String method, @Nullable String pathPrefix, int times) {
		this.kind = kind;
		this.status = status;
		this.headers = Map.copyOf(headers);
		this.body = body;
		this.duration = duration;
		this.chunks = chunks;
		this.method = method;
		this.pathPrefix = pathPrefix;
		this.times = times;
	}

	private static Fault of(Kind kind, int status, Duration duration, int chunks) {
		return new Fault(kind, status, Map.of(), null, duration, chunks, null, null, 1);
	}

	/**
	 * Answers with an error status and OpenAI's error body for it (for example
	 * {@code 429} with type {@code requests} and code {@code rate_limit_exceeded}, or
	 * {@code 500} with type {@code server_error}).
	 * @param status the status, 400 to 599
	 * @return the fault
	 */
	public static Fault status(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status (400 to 599), was " + status);
		}
		return of(Kind.STATUS, status, Duration.ZERO, 0);
	}

	/**
	 * Waits before answering the request as usual, to rehearse a slow API and the
	 * client's timeouts.
	 * @param delay how long to wait
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		return of(Kind.DELAY, 0, positive(delay, "delay"), 0);
	}

	/**
	 * Drops the connection without answering (a TCP reset), as a crashed proxy or a
	 * network failure does.
	 * @return the fault
	 */
	public static Fault reset() {
		return of(Kind.RESET, 0, Duration.ZERO, 0);
	}

	/**
	 * Streams this many chunks, then an {@code error} event (a {@code server_error}) in
	 * place of the rest, as OpenAI does when a stream fails after its {@code 200}.
	 * @param chunks the chunks sent first, 0 or more
	 * @return the fault
	 */
	public static Fault streamErrorAfter(int chunks) {
		return of(Kind.STREAM_ERROR, 0, Duration.ZERO, notNegative(chunks));
	}

	/**
	 * Streams this many chunks, then ends the response without {@code data: [DONE]}: the
	 * HTTP exchange completes normally, so only a client that waits for {@code [DONE]}
	 * notices the answer is incomplete.
	 * @param chunks the chunks sent first, 0 or more
	 * @return the fault
	 */
	public static Fault streamCutAfter(int chunks) {
		return of(Kind.STREAM_CUT, 0, Duration.ZERO, notNegative(chunks));
	}

	/**
	 * Streams this many chunks, then drops the connection (a TCP reset) in the middle of
	 * the response.
	 * @param chunks the chunks sent first, 0 or more
	 * @return the fault
	 */
	public static Fault streamResetAfter(int chunks) {
		return of(Kind.STREAM_RESET, 0, Duration.ZERO, notNegative(chunks));
	}

	/**
	 * Streams this many chunks, then pauses before the rest, to rehearse the client's
	 * idle timeout.
	 * @param chunks the chunks sent before the pause, 0 or more
	 * @param stall how long to pause
	 * @return the fault
	 */
	public static Fault streamStallAfter(int chunks, Duration stall) {
		return of(Kind.STREAM_STALL, 0, positive(stall, "stall"), notNegative(chunks));
	}

	/**
	 * Adds a header to a {@link #status(int) status} answer, for example
	 * {@code retry-after-ms} or {@code x-should-retry}.
	 * @param name the header name
	 * @param value the header value
	 * @return a new fault
	 */
	public Fault header(String name, String value) {
		requireStatus("header");
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "value must not be null"));
		return new Fault(this.kind, this.status, headers, this.body, this.duration, this.chunks, this.method,
				this.pathPrefix, this.times);
	}

	/**
	 * Replaces the body of a {@link #status(int) status} answer, sent as is.
	 * @param body the body, usually OpenAI's {@code {"error": {...}}} JSON
	 * @return a new fault
	 */
	public Fault body(String body) {
		requireStatus("body");
		return new Fault(this.kind, this.status, this.headers, Objects.requireNonNull(body, "body must not be null"),
				this.duration, this.chunks, this.method, this.pathPrefix, this.times);
	}

	/**
	 * Narrows the fault to requests of one method whose path starts with a prefix.
	 * @param method the HTTP method, for example {@code POST}
	 * @param pathPrefix the path below the base URL, for example
	 * {@code /chat/completions} (a leading {@code /v1} is ignored)
	 * @return a new fault
	 */
	public Fault on(String method, String pathPrefix) {
		String prefix = pathPrefix.startsWith("/v1/") ? pathPrefix.substring(3) : pathPrefix;
		return new Fault(this.kind, this.status, this.headers, this.body, this.duration, this.chunks,
				method.toUpperCase(Locale.ROOT), prefix.startsWith("/") ? prefix : "/" + prefix, this.times);
	}

	/**
	 * Applies the fault to this many matching requests in a row (default 1).
	 * @param times at least 1
	 * @return a new fault
	 */
	public Fault times(int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times);
		}
		return new Fault(this.kind, this.status, this.headers, this.body, this.duration, this.chunks, this.method,
				this.pathPrefix, times);
	}

	Kind kind() {
		return this.kind;
	}

	int statusCode() {
		return this.status;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	@Nullable String body() {
		return this.body;
	}

	/** The delay, or the stall of a stalled stream. */
	Duration duration() {
		return this.duration;
	}

	/** The chunks a stream fault lets through. */
	int chunks() {
		return this.chunks;
	}

	int times() {
		return this.times;
	}

	/**
	 * Whether the fault applies to a request.
	 * @param method the request method
	 * @param apiPath the request path below the base URL, for example
	 * {@code /chat/completions}
	 * @param streaming whether the request asks for a stream
	 * @return whether it matches
	 */
	boolean matches(String method, String apiPath, boolean streaming) {
		return (this.method == null || this.method.equals(method))
				&& (this.pathPrefix == null || apiPath.startsWith(this.pathPrefix))
				&& (!this.kind.streamOnly() || streaming);
	}

	private void requireStatus(String what) {
		if (this.kind != Kind.STATUS) {
			throw new IllegalStateException("Only a Fault.status(...) has a " + what + ", not " + this);
		}
	}

	private static Duration positive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
		return duration;
	}

	private static int notNegative(int chunks) {
		if (chunks < 0) {
			throw new IllegalArgumentException("chunks must not be negative, was " + chunks);
		}
		return chunks;
	}

	@Override
	public String toString() {
		String what = switch (this.kind) {
			case STATUS -> "status(" + this.status + ")";
			case DELAY -> "delay(" + this.duration + ")";
			case RESET -> "reset()";
			case STREAM_ERROR -> "streamErrorAfter(" + this.chunks + ")";
			case STREAM_CUT -> "streamCutAfter(" + this.chunks + ")";
			case STREAM_RESET -> "streamResetAfter(" + this.chunks + ")";
			case STREAM_STALL -> "streamStallAfter(" + this.chunks + ", " + this.duration + ")";
		};
		String where = (this.method != null) ? " on " + this.method + " " + this.pathPrefix : "";
		return "Fault." + what + where + ((this.times > 1) ? " x" + this.times : "");
	}

}
