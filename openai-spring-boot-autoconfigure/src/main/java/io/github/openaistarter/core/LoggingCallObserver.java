package io.github.openaistarter.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Logs OpenAI calls on the logger {@value #LOGGER}: one INFO line per call with method,
 * path, status, duration, request id and attempts, and each retry; with
 * {@link Detail#BODIES}, the request and response bodies too, shortened, and the response
 * headers with credential headers redacted. Stream chunks are logged at TRACE only.
 */
public final class LoggingCallObserver implements OpenAiCallObserver {

	/** The logger calls are logged on. */
	public static final String LOGGER = "io.github.openaistarter.http";

	private static final Set<String> ALWAYS_REDACTED = Set.of("authorization", "proxy-authorization", "api-key",
			"set-cookie", "cookie");

	private static final Log logger = LogFactory.getLog(LOGGER);

	private final Detail detail;

	private final int maxBodyLength;

	private final Set<String> redactedHeaders;

	private final JsonMapper jsonMapper;

	/**
	 * Creates the observer.
	 * @param detail how much to log
	 * @param maxBodyLength the most characters of a body to log
	 * @param redactedHeaders more header names whose values are never logged
	 * @param jsonMapper the mapper to render response bodies with
	 */
	public LoggingCallObserver(Detail detail, int maxBodyLength, Set<String> redactedHeaders, JsonMapper jsonMapper) {
		this.detail = detail;
		this.maxBodyLength = maxBodyLength;
		this.redactedHeaders = redactedHeaders.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.jsonMapper = jsonMapper;
	}

	@Override
	public CallObservation start(String operation, @Nullable OpenAiCall call) {
		return (call != null) ? new LoggedCall(call) : CallObservation.NONE;
	}

	/**
	 * How much of each call is logged.
	 */
	public enum Detail {

		/** Nothing. */
		NONE,

		/** Method, path, status, duration, request id, attempts. */
		METADATA,

		/**
		 * The metadata, the bodies (shortened) and the response headers (credentials
		 * redacted).
		 */
		BODIES

	}

	private final class LoggedCall implements CallObservation {

		private final OpenAiCall call;

		private final long start = System.nanoTime();

		private int attempts = 1;

		private @Nullable ResponseMetadata metadata;

		LoggedCall(OpenAiCall call) {
			this.call = call;
			if (LoggingCallObserver.this.detail == Detail.BODIES && call.body() != null && logger.isInfoEnabled()) {
				logger.info("OpenAI " + call.describe() + " request: "
						+ shorten(new String(call.body(), StandardCharsets.UTF_8)));
			}
		}

		@Override
		public void retrying(int attempt, Throwable failure, Duration delay) {
			this.attempts = attempt + 1;
			if (logger.isInfoEnabled()) {
				logger.info("OpenAI " + this.call.describe() + " attempt " + attempt + " failed ("
						+ failure.getMessage() + "); retrying in " + delay.toMillis() + " ms");
			}
		}

		@Override
		public void response(ResponseMetadata metadata) {
			this.metadata = metadata;
		}

		@Override
		public void item(Object item) {
			Object body = (item instanceof OpenAiResponse<?> response) ? response.body() : item;
			if (this.call.operation().endsWith(".stream")) {
				if (logger.isTraceEnabled()) {
					logger.trace("OpenAI " + this.call.describe() + " chunk: " + render(body));
				}
			}
			else if (LoggingCallObserver.this.detail == Detail.BODIES && logger.isInfoEnabled()) {
				logger.info("OpenAI " + this.call.describe() + " response: " + render(body));
			}
		}

		@Override
		public void success() {
			log("", null);
		}

		@Override
		public void error(Throwable error) {
			log(" failed", error);
		}

		@Override
		public void cancel() {
			log(" cancelled", null);
		}

		private void log(String outcome, @Nullable Throwable error) {
			if (!logger.isInfoEnabled()) {
				return;
			}
			StringBuilder line = new StringBuilder("OpenAI ").append(this.call.describe()).append(outcome);
			if (this.metadata != null) {
				line.append(" -> ").append(this.metadata.status().value());
			}
			line.append(" in ").append(Duration.ofNanos(System.nanoTime() - this.start).toMillis()).append(" ms");
			if (this.metadata != null && this.metadata.requestId() != null) {
				line.append(" [request id ").append(this.metadata.requestId()).append(']');
			}
			line.append(" (attempts: ").append(this.attempts).append(')');
			if (error != null) {
				line.append(": ").append(error.getMessage());
			}
			if (LoggingCallObserver.this.detail == Detail.BODIES && this.metadata != null) {
				line.append("\n  response headers: ").append(redact(this.metadata.headers()));
			}
			logger.info(line.toString());
		}

		private String render(Object body) {
			try {
				return shorten(LoggingCallObserver.this.jsonMapper.writeValueAsString(body));
			}
			catch (JacksonException ex) {
				return shorten(String.valueOf(body));
			}
		}

	}

	private String shorten(String text) {
		String safe = Secrets.redact(text);
		return (safe.length() > this.maxBodyLength)
				? safe.substring(0, this.maxBodyLength) + "... (" + safe.length() + " characters)" : safe;
	}

	String redact(HttpHeaders headers) {
		StringBuilder text = new StringBuilder("{");
		headers.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			boolean secret = ALWAYS_REDACTED.contains(lower) || this.redactedHeaders.contains(lower);
			text.append((text.length() > 1) ? ", " : "").append(name).append('=').append(secret ? "******" : values);
		});
		return text.append('}').toString();
	}

}
