package io.github.openaistarter.core;

import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Sends one HTTP exchange straight through Spring's {@link ClientHttpConnector}, the
 * layer under {@code WebClient}, and hands its answer to a handler that consumes the
 * body. The connector's own configuration (pool, timeouts, TLS, proxy, compression)
 * applies; the {@code WebClient} layer, which cost about a third more CPU and allocation
 * per call, is not there.
 */
final class HttpExchanger {

	/** Header names, in lower case. */
	static final String ACCEPT = "accept";

	static final String CONTENT_TYPE = "content-type";

	static final String CONTENT_LENGTH = "content-length";

	static final String AUTHORIZATION = "authorization";

	private final ClientHttpConnector connector;

	HttpExchanger(ClientHttpConnector connector) {
		this.connector = connector;
	}

	/**
	 * Sends a request whose answer is one value.
	 * @param <T> the value type
	 * @param request the request
	 * @param handler reads the answer; it must consume or cancel the body
	 * @return the value
	 */
	<T> Mono<T> exchangeToMono(HttpRequest request, Function<HttpAnswer, Mono<T>> handler) {
		return connect(request)
			.flatMap((response) -> handle(response, handler, (ex) -> drain(response).then(Mono.<T>error(ex))));
	}

	/**
	 * Sends a request whose answer is many values, such as a stream.
	 * @param <T> the value type
	 * @param request the request
	 * @param handler reads the answer; it must consume or cancel the body
	 * @return the values
	 */
	<T> Flux<T> exchangeToFlux(HttpRequest request, Function<HttpAnswer, Flux<T>> handler) {
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

	/**
	 * Writes a request. Header names are written in lower case, as HTTP/2 sends them: the
	 * case-insensitive map under Spring's {@link HttpHeaders} then keeps the name it is
	 * given rather than lower-casing a copy of it for every request.
	 */
	private static Mono<Void> write(HttpRequest request, ClientHttpRequest outbound) {
		HttpHeaders headers = outbound.getHeaders();
		request.headers().accept(headers);
		headers.set(ACCEPT, request.accept().toString());
		byte[] body = request.body();
		if (body == null) {
			return outbound.setComplete();
		}
		headers.set(CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		headers.set(CONTENT_LENGTH, Integer.toString(body.length));
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

	/**
	 * One request.
	 *
	 * @param method the method
	 * @param uri the absolute URI
	 * @param headers adds the headers
	 * @param accept the accepted media type
	 * @param body the JSON body, or {@code null}
	 */
	record HttpRequest(HttpMethod method, URI uri, Consumer<HttpHeaders> headers, MediaType accept,
			byte @Nullable [] body) {
	}

}
