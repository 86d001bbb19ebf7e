package io.github.openaistarter.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Turns what the connector, Reactor Netty and the pool throw into this library's typed
 * exceptions, telling how far the exchange got.
 */
final class Failures {

	private Failures() {
	}

	/**
	 * Translates a failure of a call.
	 * @param call the call
	 * @param ex the failure
	 * @param responseStarted whether the response's headers had arrived
	 * @param requestId the response's request id, if it arrived
	 * @param maxBodyBytes the body limit, for its message
	 * @return the typed exception, or {@code ex} itself when it is not an I/O failure
	 */
	static Throwable translate(OpenAiCall call, Throwable ex, boolean responseStarted, @Nullable String requestId,
			int maxBodyBytes) {
		if (ex instanceof OpenAiException) {
			return ex;
		}
		if (ex instanceof DataBufferLimitException) {
			return new OpenAiDecodingException(
					"The answer of " + call.describe() + " exceeds " + maxBodyBytes + " bytes", ex, requestId);
		}
		if (isPoolExhausted(ex)) {
			return new OpenAiPoolExhaustedException(call.describe() + " found the OpenAI connection pool full: "
					+ rootMessage(ex) + "; raise the pool's max connections or lower the concurrency", ex);
		}
		if (!hasCause(ex, IOException.class)) {
			return ex;
		}
		if (hasCause(ex, SSLException.class) && !responseStarted) {
			return new OpenAiTlsException(call.describe() + " failed the TLS handshake: " + rootMessage(ex)
					+ "; to trust a private certificate, give the client a TLS bundle that holds it", ex);
		}
		OpenAiIoException.Stage stage = responseStarted ? OpenAiIoException.Stage.READING_RESPONSE
				: neverConnected(ex) ? OpenAiIoException.Stage.CONNECTING : OpenAiIoException.Stage.AWAITING_RESPONSE;
		return new OpenAiIoException(call.describe() + " failed " + describe(stage) + ": " + rootMessage(ex), ex,
				requestId, stage);
	}

	private static String describe(OpenAiIoException.Stage stage) {
		return switch (stage) {
			case CONNECTING -> "to connect";
			case AWAITING_RESPONSE -> "before a response arrived";
			case READING_RESPONSE -> "while reading the response";
		};
	}

	private static boolean neverConnected(Throwable ex) {
		return hasCause(ex, ConnectException.class) || hasCause(ex, UnknownHostException.class)
				|| hasCause(ex, NoRouteToHostException.class) || hasCauseNamed(ex, "ConnectTimeoutException");
	}

	private static boolean isPoolExhausted(Throwable ex) {
		return hasCauseNamed(ex, "PoolAcquirePendingLimitException")
				|| hasCauseNamed(ex, "PoolAcquireTimeoutException");
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** Matches by simple name: Reactor Netty shades its pool exceptions. */
	private static boolean hasCauseNamed(Throwable ex, String simpleName) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals(simpleName)) {
				return true;
			}
		}
		return false;
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return Secrets.redact(message);
	}

}
