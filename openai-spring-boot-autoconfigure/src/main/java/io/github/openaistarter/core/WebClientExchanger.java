package io.github.openaistarter.core;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends through Spring's {@link WebClient}: its filters, default headers and observation
 * apply.
 */
final class WebClientExchanger implements HttpExchanger {

	private final WebClient webClient;

	WebClientExchanger(WebClient webClient) {
		this.webClient = webClient;
	}

	@Override
	public <T> Mono<T> exchangeToMono(HttpRequest request, Function<HttpAnswer, Mono<T>> handler) {
		return spec(request).exchangeToMono((response) -> handler.apply(answer(response)));
	}

	@Override
	public <T> Flux<T> exchangeToFlux(HttpRequest request, Function<HttpAnswer, Flux<T>> handler) {
		return spec(request).exchangeToFlux((response) -> handler.apply(answer(response)));
	}

	private WebClient.RequestHeadersSpec<?> spec(HttpRequest request) {
		WebClient.RequestBodySpec spec = this.webClient.method(request.method())
			.uri(request.uri())
			.headers(request.headers())
			.accept(request.accept());
		byte[] body = request.body();
		return (body != null) ? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : spec;
	}

	private static HttpAnswer answer(ClientResponse response) {
		return new HttpAnswer(response.statusCode(), response.headers().asHttpHeaders(),
				response.body(BodyExtractors.toDataBuffers()));
	}

	@Override
	public String toString() {
		return "WebClient";
	}

}
