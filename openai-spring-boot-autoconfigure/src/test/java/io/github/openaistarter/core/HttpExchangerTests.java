package io.github.openaistarter.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call cancelled after its answer came but before its handler read the body has its
 * connection closed, over HTTP on loopback, against an answer that never ends.
 */
class HttpExchangerTests {

	private final CountDownLatch disconnected = new CountDownLatch(1);

	private final CountDownLatch received = new CountDownLatch(1);

	private DisposableServer server;

	private final HttpExchanger exchanger = new HttpExchanger(new ReactorClientHttpConnector());

	@BeforeEach
	void start() {
		// "{", then a space every 25 ms, for as long as the client listens
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			response.withConnection((connection) -> connection.onDispose(this.disconnected::countDown));
			this.received.countDown();
			Duration wait = request.uri().endsWith("/late") ? Duration.ofMillis(500) : Duration.ZERO;
			return Mono.delay(wait)
				.then(response.header("content-type", "application/json")
					.sendString(Flux.concat(Flux.just("{"), Flux.interval(Duration.ofMillis(25)).map((tick) -> " ")))
					.then());
		}).bindNow();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void aCallCancelledBeforeItsHandlerReadTheBodyClosesTheConnection() throws InterruptedException {
		// the handler reads the body only later, as a handler may
		assertCancellingClosesTheConnection((answered) -> this.exchanger.exchangeToMono(request(), (answer) -> {
			answered.countDown();
			return Mono.delay(Duration.ofSeconds(30)).then(DataBufferUtils.join(answer.body()));
		}).subscribe());
	}

	@Test
	void aStreamCancelledBeforeItsHandlerReadTheBodyClosesTheConnection() throws InterruptedException {
		assertCancellingClosesTheConnection((answered) -> this.exchanger.exchangeToFlux(request(), (answer) -> {
			answered.countDown();
			return Mono.delay(Duration.ofSeconds(30)).thenMany(answer.body());
		}).subscribe(DataBufferUtils::release));
	}

	@Test
	void aCallCancelledWhileItsHandlerReadsTheBodyClosesTheConnection() throws InterruptedException {
		assertCancellingClosesTheConnection((reading) -> this.exchanger
			.exchangeToMono(request(),
					(answer) -> DataBufferUtils.join(answer.body().doOnNext((buffer) -> reading.countDown()))
						.map((buffer) -> buffer.toString(StandardCharsets.UTF_8)))
			.subscribe());
	}

	@Test
	void aCallCancelledBeforeItsAnswerCameClosesTheConnection() throws InterruptedException {
		assertCancellingClosesTheConnection((sent) -> {
			Disposable call = this.exchanger
				.exchangeToMono(request("/late"), (answer) -> DataBufferUtils.join(answer.body()))
				.subscribe();
			awaitQuietly(this.received);
			sent.countDown();
			return call;
		});
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts a call, cancels it once it counts the latch down, and expects the server to
	 * see the connection closed.
	 */
	private void assertCancellingClosesTheConnection(Function<CountDownLatch, Disposable> call)
			throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(1);
		Disposable started = call.apply(ready);
		assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
		started.dispose();
		assertThat(this.disconnected.await(5, TimeUnit.SECONDS)).as("the server saw the connection closed").isTrue();
	}

	private HttpExchanger.HttpRequest request() {
		return request("/now");
	}

	private HttpExchanger.HttpRequest request(String path) {
		return new HttpExchanger.HttpRequest(HttpMethod.GET,
				URI.create("http://127.0.0.1:" + this.server.port() + "/chat/completions" + path), (headers) -> {
				}, MediaType.APPLICATION_JSON, null);
	}

}
