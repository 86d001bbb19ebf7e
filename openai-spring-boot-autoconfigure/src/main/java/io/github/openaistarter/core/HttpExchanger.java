package io.github.openaistarter.core;

import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Sends one HTTP exchange and hands its answer to a handler that consumes the body. Two
 * ways exist: through Spring's {@code WebClient} ({@link WebClientExchanger}), or
 * straight through the {@code ClientHttpConnector} under it ({@link ConnectorExchanger}).
 */
interface HttpExchanger {

	/**
	 * Sends a request whose answer is one value.
	 * @param <T> the value type
	 * @param request the request
	 * @param handler reads the answer; it must consume or cancel the body
	 * @return the value
	 */
	<T> Mono<T> exchangeToMono(HttpRequest request, Function<HttpAnswer, Mono<T>> handler);

	/**
	 * Sends a request whose answer is many values, such as a stream.
	 * @param <T> the value type
	 * @param request the request
	 * @param handler reads the answer; it must consume or cancel the body
	 * @return the values
	 */
	<T> Flux<T> exchangeToFlux(HttpRequest request, Function<HttpAnswer, Flux<T>> handler);

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
