package io.github.openaistarter.autoconfigure;

import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * {@code openai.transport} is gone: every call goes straight through the connector, and
 * the {@code web-client} transport was removed. An application still asking for it fails
 * to start, naming what replaces it, rather than being silently sent another way.
 * {@code connector}, what every client now does, is accepted.
 */
final class RemovedTransportProperty {

	private RemovedTransportProperty() {
	}

	/**
	 * Fails when the default client or a named one asks for a transport other than the
	 * connector.
	 * @param environment the environment
	 * @param clientNames the names of the named clients
	 */
	static void check(Environment environment, Set<String> clientNames) {
		check(environment, "openai");
		clientNames.forEach((name) -> check(environment, "openai.clients." + name));
	}

	private static void check(Environment environment, String prefix) {
		String value = environment.getProperty(prefix + ".transport");
		if (value != null && !value.trim().toLowerCase(Locale.ROOT).equals("connector")) {
			throw new IllegalStateException(prefix + ".transport=" + value + " is no longer supported: calls go"
					+ " straight through the connector, without WebClient. Remove the property; add headers to"
					+ " every call with an OpenAiRequestCustomizer bean, and see them with an OpenAiCallObserver bean.");
		}
	}

}
