package io.github.openaistarter.benchmarks;

import java.net.URI;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import io.github.openaistarter.chat.model.ChatCompletion;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * A third floor, between the other two: Spring's {@link ClientHttpConnector} (the layer under {@code WebClient},
 * which Boot's connector customizers, SSL bundles and the dedicated pool configure) posting the pre-built bytes,
 * decoded with Jackson. The gap between it and the WebClient floor is what {@code WebClient}'s own layer
 * (request specs, exchange functions, filters, checkpoints, observation) costs.
 */
final class ConnectorFloorClient extends PooledFloorClient {

	private final ClientHttpConnector connector;

	private final URI uri;

	ConnectorFloorClient(String baseUrl) {
		super("connector-floor");
		this.connector = new ReactorClientHttpConnector(HttpClient.create(this.provider));
		this.uri = URI.create(baseUrl + "/chat/completions");
	}

	@Override
	public Mono<ChatCompletion> createMono() {
		return this.connector.connect(HttpMethod.POST, this.uri, (request) -> {
			HttpHeaders headers = request.getHeaders();
			headers.set(HttpHeaders.AUTHORIZATION, "Bearer sk-benchmark");
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
			return request.writeWith(Mono.just(request.bufferFactory().wrap(Payloads.REQUEST)));
		}).flatMap((response) -> {
			if (response.getStatusCode().value() != 200) {
				return Mono.error(new IllegalStateException("status " + response.getStatusCode()));
			}
			return DataBufferUtils.join(response.getBody()).map(PooledFloorClient::read);
		});
	}

}
