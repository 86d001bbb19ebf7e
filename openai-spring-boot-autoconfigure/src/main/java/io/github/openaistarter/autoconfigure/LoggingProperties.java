package io.github.openaistarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.openaistarter.core.LoggingCallObserver;
import io.github.openaistarter.core.RedactingWiretap;

/**
 * Logging of OpenAI traffic ({@code openai.logging.*}).
 */
public class LoggingProperties {

	/**
	 * Whether to log the bytes on the wire, with credentials redacted, at TRACE on the
	 * logger io.github.openaistarter.wiretap.
	 */
	private boolean wiretap;

	/**
	 * What to log of each call on the logger io.github.openaistarter.http at INFO: none,
	 * metadata (method, path, status, duration, request id, attempts) or bodies (also the
	 * bodies, shortened, and the response headers). Stream chunks are logged at TRACE
	 * only.
	 */
	private LoggingCallObserver.Detail requests = LoggingCallObserver.Detail.NONE;

	/**
	 * Most characters of a body to log.
	 */
	private int maxBodyLength = 2000;

	/**
	 * More header names whose values are never logged, beside Authorization,
	 * Proxy-Authorization, api-key, Cookie and Set-Cookie.
	 */
	private List<String> redactedHeaders = new ArrayList<>();

	/**
	 * Whether the redacting wiretap is on.
	 * @return whether on
	 * @see RedactingWiretap
	 */
	public boolean isWiretap() {
		return this.wiretap;
	}

	/**
	 * Sets whether the redacting wiretap is on.
	 * @param wiretap whether on
	 */
	public void setWiretap(boolean wiretap) {
		this.wiretap = wiretap;
	}

	/**
	 * What to log of each call.
	 * @return the detail
	 */
	public LoggingCallObserver.Detail getRequests() {
		return this.requests;
	}

	/**
	 * Sets what to log of each call.
	 * @param requests the detail
	 */
	public void setRequests(LoggingCallObserver.Detail requests) {
		this.requests = requests;
	}

	/**
	 * Most characters of a body to log.
	 * @return the length
	 */
	public int getMaxBodyLength() {
		return this.maxBodyLength;
	}

	/**
	 * Sets the most characters of a body to log.
	 * @param maxBodyLength the length
	 */
	public void setMaxBodyLength(int maxBodyLength) {
		this.maxBodyLength = maxBodyLength;
	}

	/**
	 * More header names whose values are never logged.
	 * @return the header names
	 */
	public List<String> getRedactedHeaders() {
		return this.redactedHeaders;
	}

	/**
	 * Sets more header names whose values are never logged.
	 * @param redactedHeaders the header names
	 */
	public void setRedactedHeaders(List<String> redactedHeaders) {
		this.redactedHeaders = redactedHeaders;
	}

}
