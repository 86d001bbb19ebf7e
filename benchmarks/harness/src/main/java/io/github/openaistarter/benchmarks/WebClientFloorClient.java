package io.github.openaistarter.benchmarks;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import io.github.openaistarter.chat.model.ChatCompletion;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A second floor, for the starter's own share of the cost: Spring's {@code WebClient} on Reactor Netty posting
 * the pre-built bytes and decoding the joined body with Jackson, as the starter's transport does, but without
 * its retries, timeouts, observations, response metadata or request serialization. The gap between this and
 * the floor is WebClient's; the gap between the starter and this is the starter's.
 */
final class WebClientFloorClient extends PooledFloorClient {

	private final WebClient webClient;

	private final String url;

	WebClientFloorClient(String baseUrl) {
		super("webclient-floor");
		this.webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.provider)))
			.build();
		this.url = baseUrl + "/chat/completions";
	}

	@Override
	public Mono<ChatCompletion> createMono() {
		return this.webClient.post()
			.uri(this.url)
			.header("Authorization", "Bearer sk-benchmark")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(Payloads.REQUEST)
			.exchangeToMono((response) -> {
				if (response.statusCode().value() != 200) {
					return Mono.error(new IllegalStateException("status " + response.statusCode()));
				}
				return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers())).map(PooledFloorClient::read);
			});
	}

}
