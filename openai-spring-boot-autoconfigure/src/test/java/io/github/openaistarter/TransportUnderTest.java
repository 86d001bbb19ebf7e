package io.github.openaistarter;

import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The way of sending the HTTP and conformance tests use: through {@code WebClient}, or
 * straight through the connector in the run that sets
 * {@code openai.test.transport=connector} (surefire execution
 * {@code connector-transport}, which repeats those tests).
 */
public final class TransportUnderTest {

	/** Whether this run sends straight through the connector. */
	public static final boolean ON_CONNECTOR = "connector".equals(System.getProperty("openai.test.transport"));

	private TransportUnderTest() {
	}

	/**
	 * A transport builder on a new default connector.
	 * @return the builder
	 */
	public static OpenAiTransport.Builder builder() {
		return builder(new ReactorClientHttpConnector());
	}

	/**
	 * A transport builder on the given connector, through a {@code WebClient} on it or
	 * straight through it.
	 * @param connector the connector
	 * @return the builder
	 */
	public static OpenAiTransport.Builder builder(ClientHttpConnector connector) {
		return ON_CONNECTOR ? OpenAiTransport.builder(connector)
				: OpenAiTransport.builder(WebClient.builder().clientConnector(connector).build());
	}

}
