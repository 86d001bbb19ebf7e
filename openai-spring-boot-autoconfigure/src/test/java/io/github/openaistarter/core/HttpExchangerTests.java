package io.github.openaistarter.core;

import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call cancelled before its handler read the body has its connection closed, and a
 * cancel that comes after a call ended leaves the connection alone; over HTTP on
 * loopback, mostly against an answer that never ends.
 */
class HttpExchangerTests {

	private final CountDownLatch disconnected = new CountDownLatch(1);

	private final CountDownLatch received = new CountDownLatch(1);

	private final List<SocketAddress> callers = new CopyOnWriteArrayList<>();

	private DisposableServer server;

	private final HttpExchanger exchanger = new HttpExchanger(new ReactorClientHttpConnector());

	@BeforeEach
	void start() {
		// "{", then a space every 25 ms, for as long as the client listens
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			response.withConnection((connection) -> connection.onDispose(this.disconnected::countDown));
			this.callers.add(request.remoteAddress());
			this.received.countDown();
			if (request.uri().endsWith("/whole")) {
				return response.header("content-type", "application/json").sendString(Mono.just("{}")).then();
			}
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

	@Test
	void aCallCancelledAsTheConnectorHandsOverItsAnswerClosesTheConnection() throws InterruptedException {
		// the connector has made its response and not yet handed it over: Spring's
		// connector then reads the body to its end, and this one never ends
		CountDownLatch made = new CountDownLatch(1);
		ReactorClientHttpConnector connector = new ReactorClientHttpConnector();
		HttpExchanger handingOverLate = new HttpExchanger(
				(method, uri, write) -> connector.connect(method, uri, write).delayUntil((response) -> {
					made.countDown();
					return Mono.never();
				}));
		assertCancellingClosesTheConnection((handingOver) -> {
			Disposable call = handingOverLate.exchangeToMono(request(), (answer) -> DataBufferUtils.join(answer.body()))
				.subscribe();
			awaitQuietly(made);
			handingOver.countDown();
			return call;
		});
	}

	@Test
	void aCancelThatComesAfterTheCallEndedLeavesTheConnectionToTheNextCall() throws InterruptedException {
		// a handler that answers without reading the body, which none of the starter's
		// does, and a cancel after the end, as an operator may send one
		AtomicReference<Subscription> ended = new AtomicReference<>();
		this.exchanger.exchangeToMono(request("/whole"), (answer) -> Mono.just("unread"))
			.subscribe(endedSubscriber(ended));
		await().atMost(Duration.ofSeconds(5)).until(() -> ended.get() != null);
		AtomicInteger chunks = new AtomicInteger();
		Disposable next = this.exchanger.exchangeToFlux(request(), HttpAnswer::body).subscribe((chunk) -> {
			DataBufferUtils.release(chunk);
			chunks.incrementAndGet();
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> chunks.get() > 0);
		assertThat(this.callers).as("the next call is on the same connection")
			.hasSize(2)
			.containsOnly(this.callers.get(0));

		List<Throwable> dropped = new CopyOnWriteArrayList<>();
		Hooks.onErrorDropped(dropped::add);
		try {
			ended.get().cancel();

			int before = chunks.get();
			assertThat(this.disconnected.await(300, TimeUnit.MILLISECONDS)).as("the server saw the connection closed")
				.isFalse();
			assertThat(chunks.get()).as("chunks of the next call after the cancel").isGreaterThan(before + 3);
			assertThat(dropped).as("errors of the cancel").isEmpty();
		}
		finally {
			Hooks.resetOnErrorDropped();
			next.dispose();
		}
	}

	private static CoreSubscriber<String> endedSubscriber(AtomicReference<Subscription> ended) {
		return new CoreSubscriber<>() {

			private Subscription subscription;

			@Override
			public void onSubscribe(Subscription subscription) {
				this.subscription = subscription;
				subscription.request(1);
			}

			@Override
			public void onNext(String value) {
			}

			@Override
			public void onError(Throwable failure) {
			}

			@Override
			public void onComplete() {
				ended.set(this.subscription);
			}

		};
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
