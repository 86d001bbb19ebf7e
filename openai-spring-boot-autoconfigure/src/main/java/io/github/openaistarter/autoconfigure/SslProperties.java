package io.github.openaistarter.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * TLS of OpenAI calls ({@code openai.ssl.*}).
 */
public class SslProperties {

	/**
	 * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) with the trust store and,
	 * for mutual TLS, the key store of OpenAI calls. Falls back to
	 * spring.http.clients.ssl.bundle, then to the JVM's trust store.
	 */
	private @Nullable String bundle;

	/**
	 * Name of the SSL bundle.
	 * @return the bundle name, or {@code null}
	 */
	public @Nullable String getBundle() {
		return this.bundle;
	}

	/**
	 * Sets the name of the SSL bundle.
	 * @param bundle the bundle name
	 */
	public void setBundle(@Nullable String bundle) {
		this.bundle = bundle;
	}

}
