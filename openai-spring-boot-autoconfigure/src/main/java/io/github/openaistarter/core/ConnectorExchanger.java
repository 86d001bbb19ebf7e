package io.github.openaistarter.core;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Sends straight through Spring's {@link ClientHttpConnector}, the layer under
 * {@code WebClient}: the connector's own configuration (pool, timeouts, TLS, proxy,
 * compression) applies, {@code WebClient} filters and observations do not. It costs about
 * a third less CPU and allocation per call than going through {@code WebClient}.
 */
final class ConnectorExchanger implements HttpExchanger {

	private final ClientHttpConnector connector;

	ConnectorExchanger(ClientHttpConnector connector) {
		this.connector = connector;
	}

	@Override
	public <T> Mono<T> exchangeToMono(HttpRequest request, Function<HttpAnswer, Mono<T>> handler) {
		return connect(request)
			.flatMap((response) -> handle(response, handler, (ex) -> drain(response).then(Mono.<T>error(ex))));
	}

	@Override
	public <T> Flux<T> exchangeToFlux(HttpRequest request, Function<HttpAnswer, Flux<T>> handler) {
		return connect(request)
			.flatMapMany((response) -> handle(response, handler, (ex) -> drain(response).thenMany(Flux.<T>error(ex))));
	}

	/**
	 * Hands the answer to its handler; a handler that throws leaves a body nobody reads,
	 * which is drained.
	 */
	private static <P> P handle(ClientHttpResponse response, Function<HttpAnswer, P> handler,
			Function<Throwable, P> drainAndFail) {
		try {
			return handler.apply(answer(response));
		}
		catch (RuntimeException | Error ex) {
			return drainAndFail.apply(ex);
		}
	}

	private Mono<ClientHttpResponse> connect(HttpRequest request) {
		return this.connector.connect(request.method(), request.uri(), (outbound) -> write(request, outbound));
	}

	private static Mono<Void> write(HttpRequest request, ClientHttpRequest outbound) {
		HttpHeaders headers = outbound.getHeaders();
		request.headers().accept(headers);
		headers.setAccept(List.of(request.accept()));
		byte[] body = request.body();
		if (body == null) {
			return outbound.setComplete();
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		return outbound.writeWith(Mono.just(outbound.bufferFactory().wrap(body)));
	}

	private static HttpAnswer answer(ClientHttpResponse response) {
		return new HttpAnswer(response.getStatusCode(), response.getHeaders(), response.getBody());
	}

	/** Releases the body of an answer no handler read, so its connection is not held. */
	private static Mono<Void> drain(ClientHttpResponse response) {
		return response.getBody().map(DataBufferUtils::release).then().onErrorResume((ex) -> Mono.empty());
	}

	@Override
	public String toString() {
		return "the connector";
	}

}
