package io.github.openaistarter.core;

import java.net.URI;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Function;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

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
		return Mono.defer(() -> {
			Exchange exchange = new Exchange();
			return connect(request, exchange)
				.flatMap((response) -> handle(exchange.answer(response), handler,
						(ex) -> exchange.drain().then(Mono.<T>error(ex))))
				.doOnCancel(exchange::closeUntaken);
		});
	}

	/**
	 * Sends a request whose answer is many values, such as a stream.
	 * @param <T> the value type
	 * @param request the request
	 * @param handler reads the answer; it must consume or cancel the body
	 * @return the values
	 */
	<T> Flux<T> exchangeToFlux(HttpRequest request, Function<HttpAnswer, Flux<T>> handler) {
		return Flux.defer(() -> {
			Exchange exchange = new Exchange();
			return connect(request, exchange)
				.flatMapMany((response) -> handle(exchange.answer(response), handler,
						(ex) -> exchange.drain().thenMany(Flux.<T>error(ex))))
				.doOnCancel(exchange::closeUntaken);
		});
	}

	/**
	 * Hands the answer to its handler; a handler that throws leaves a body nobody reads,
	 * which is drained.
	 */
	private static <P> P handle(HttpAnswer answer, Function<HttpAnswer, P> handler,
			Function<Throwable, P> drainAndFail) {
		try {
			return handler.apply(answer);
		}
		catch (RuntimeException | Error ex) {
			return drainAndFail.apply(ex);
		}
	}

	private Mono<ClientHttpResponse> connect(HttpRequest request, Exchange exchange) {
		return this.connector.connect(request.method(), request.uri(), (outbound) -> {
			exchange.sentOn(outbound);
			return write(request, outbound);
		});
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

	/**
	 * One exchange's answer, whose body goes once to its handler, or to the handler's
	 * failure, or to a cancellation. A call cancelled before its handler read the body (a
	 * caller interrupted, a timeout of the caller's) has its connection closed: Spring's
	 * connector would otherwise read the body to its end, and an answer that stalls or
	 * streams on held the connection, unseen, as long as it went on. On Reactor Netty the
	 * connection the request went out on is closed, which also covers a cancel that lands
	 * after the connector made its response but before it handed it over; on another
	 * connector, the body of an answer already handed over is subscribed to and
	 * cancelled.
	 */
	private static final class Exchange {

		private static final AtomicIntegerFieldUpdater<Exchange> BODY = AtomicIntegerFieldUpdater
			.newUpdater(Exchange.class, "body");

		private static final int UNTAKEN = 0;

		private static final int HANDLED = 1;

		private static final int CLOSED = 2;

		private volatile int body;

		private volatile @Nullable ClientHttpResponse response;

		private volatile @Nullable Connection connection;

		/**
		 * Notes the connection the request goes out on, when the connector is Reactor
		 * Netty's; a request sent again, on another connection, replaces it.
		 */
		void sentOn(ClientHttpRequest outbound) {
			if (outbound.getNativeRequest() instanceof Connection sentOn) {
				this.connection = sentOn;
			}
		}

		HttpAnswer answer(ClientHttpResponse response) {
			this.response = response;
			return new HttpAnswer(response.getStatusCode(), response.getHeaders(), Flux.defer(() -> {
				if (BODY.compareAndSet(this, UNTAKEN, HANDLED) || this.body == HANDLED) {
					// a second read fails as the connector fails it
					return response.getBody();
				}
				// closed by the cancellation, which nobody is waiting for
				return Flux.never();
			}));
		}

		/**
		 * Releases the body of an answer no handler read, so its connection is not held.
		 */
		Mono<Void> drain() {
			ClientHttpResponse response = this.response;
			if (response == null || !BODY.compareAndSet(this, UNTAKEN, HANDLED)) {
				return Mono.empty();
			}
			return response.getBody().map(DataBufferUtils::release).then().onErrorResume((ex) -> Mono.empty());
		}

		/**
		 * The call was cancelled before a handler took the body: its connection is
		 * closed.
		 */
		void closeUntaken() {
			if (!BODY.compareAndSet(this, UNTAKEN, CLOSED)) {
				return;
			}
			Connection connection = this.connection;
			ClientHttpResponse response = this.response;
			if (connection != null) {
				close(connection);
			}
			else if (response != null) {
				// subscribing to the body and cancelling it closes the connection
				response.getBody().subscribe(DataBufferUtils::release, (ex) -> {
				}).dispose();
			}
		}

		/**
		 * Closes the channel of an exchange, on its event loop, if the exchange still
		 * holds it: one that ended has given the channel back to the pool, and another
		 * call may be on it.
		 */
		private static void close(Connection exchange) {
			Channel channel = exchange.channel();
			if (!channel.isActive()) {
				// closed, or the exchange ended: Reactor Netty then answers a stand-in
				return;
			}
			channel.eventLoop().execute(() -> {
				if (Connection.from(channel) == exchange) {
					channel.close();
				}
			});
		}

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
