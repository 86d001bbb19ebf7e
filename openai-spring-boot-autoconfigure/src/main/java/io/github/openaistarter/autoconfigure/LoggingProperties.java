package io.github.openaistarter.autoconfigure;

import io.github.openaistarter.core.RedactingWiretap;

/**
 * Logging of OpenAI traffic ({@code openai.logging.*}).
 */
public class LoggingProperties {

	/**
	 * Whether to log the bytes on the wire, with credentials redacted, at TRACE on the logger
	 * io.github.openaistarter.wiretap.
	 */
	private boolean wiretap;

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

}
