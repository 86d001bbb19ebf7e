package io.github.openaistarter.core;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * What a transport talks to, as observers describe it: the client's name, the server and
 * the provider. One per {@link OpenAiTransport}, handed to its observer once
 * ({@link OpenAiCallObserver#forEndpoint}).
 *
 * @param clientName the client's name, {@value #DEFAULT_CLIENT_NAME} for an application's
 * only or main client
 * @param baseUrl the base URL calls are sent to
 * @param azure whether the server is Azure OpenAI
 */
public record OpenAiEndpoint(String clientName, String baseUrl, boolean azure) {

	/** The name of the client that has no name of its own. */
	public static final String DEFAULT_CLIENT_NAME = "default";

	/**
	 * Checks the values.
	 * @param clientName the client's name
	 * @param baseUrl the base URL
	 * @param azure whether it is Azure OpenAI
	 */
	public OpenAiEndpoint {
		Assert.hasText(clientName, "clientName must not be empty");
		Assert.hasText(baseUrl, "baseUrl must not be empty");
	}

	/**
	 * The host called, as OpenTelemetry's {@code server.address}.
	 * @return the host, or {@code "none"} when the base URL has none
	 */
	public String serverAddress() {
		String host = URI.create(this.baseUrl).getHost();
		return (host != null) ? host : "none";
	}

	/**
	 * The port called, as OpenTelemetry's {@code server.port}: the URL's, else the
	 * scheme's default.
	 * @return the port
	 */
	public int serverPort() {
		URI uri = URI.create(this.baseUrl);
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
	}

	/**
	 * The provider as OpenTelemetry's GenAI conventions name it
	 * ({@code gen_ai.provider.name}).
	 * @return {@code openai} or {@code azure.ai.openai}
	 */
	public String providerName() {
		return this.azure ? "azure.ai.openai" : "openai";
	}

}
