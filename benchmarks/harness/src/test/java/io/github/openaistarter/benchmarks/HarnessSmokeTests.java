package io.github.openaistarter.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Proves the harness end to end, in seconds: every client creates, streams and lists against the stand-in and
 * decodes what it sent. It measures nothing; the measures run from {@code benchmarks/run}.
 */
class HarnessSmokeTests {

	private static StandInServer server;

	@BeforeAll
	static void start() {
		server = StandInServer.start(0);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	/** The clients of the harness's classpath; the peers run on their own modules' classpaths. */
	static Stream<ClientKind> harnessClients() {
		return Arrays.stream(ClientKind.values()).filter((kind) -> !kind.isPeer());
	}

	@ParameterizedTest
	@MethodSource("harnessClients")
	void everyClientCreatesStreamsAndLists(ClientKind kind) throws Exception {
		try (BenchClient client = kind.create(StandInUrl.of(server.port(), 0, 5, false))) {
			assertThat(client.text(client.create())).isEqualTo(Payloads.ANSWER);
			CompletableFuture<Object> async = new CompletableFuture<>();
			if (client.isAsync()) {
				client.createAsync((completion, error) -> {
					if (error != null) {
						async.completeExceptionally(error);
					}
					else {
						async.complete(completion);
					}
				});
				assertThat(client.text(async.get(10, TimeUnit.SECONDS))).isEqualTo(Payloads.ANSWER);
			}
			if (kind != ClientKind.WEBCLIENT_FLOOR && kind != ClientKind.CONNECTOR_FLOOR) {
				assertThat(client.stream((created) -> {
				})).isEqualTo(5 + 3);
				assertThat(client.list()).isNotNull();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = ClientKind.class, names = { "OURS_REACTIVE", "OPENAI_JAVA", "FLOOR" })
	void stampedChunksCarryTheTimeTheyWereWritten(ClientKind kind) {
		try (BenchClient client = kind.create(StandInUrl.of(server.port(), 0, 3, true))) {
			List<Long> delays = new ArrayList<>();
			client.stream((created) -> delays.add(System.nanoTime() - created));
			assertThat(delays).hasSize(3 + 3).allSatisfy((delay) -> assertThat(delay).isBetween(0L, 5_000_000_000L));
		}
	}

	@ParameterizedTest
	@EnumSource(value = ClientKind.class, names = { "FLOOR", "OURS_BLOCKING" })
	void pacedStreamsWriteOneChunkPerPaceWhileTheyStayOpen(ClientKind kind) throws Exception {
		try (BenchClient client = kind.create(StandInUrl.paced(server.port(), 3, 50))) {
			OpenStreams streams = new OpenStreams(client);
			CountDownLatch opened = new CountDownLatch(5);
			long started = System.nanoTime();
			for (int i = 0; i < 5; i++) {
				streams.open((nanos) -> opened.countDown());
			}
			assertThat(opened.await(5, TimeUnit.SECONDS)).isTrue();
			// the role with the first content chunk, two more content chunks, then the finish and the usage: 4 writes
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (streams.chunks() < 5 * (3 + 3) && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(streams.chunks()).isEqualTo(5 * (3 + 3));
			assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(140));
			Thread.sleep(50);
			assertThat(streams.open()).isZero();
			assertThat(streams.failed()).isZero();
		}
	}

	@Test
	void openStreamsAreCountedWeighedAndProbed() throws Exception {
		try (BenchClient client = ClientKind.FLOOR.create(StandInUrl.paced(server.port(), 200, 50))) {
			OpenStreamsLoad.Result result = OpenStreamsLoad.measure(new OpenStreams(client),
					new OpenStreamsLoad.Settings(20, 2, 8, 5, 5, 1, 5, 10, 50, 200));
			assertThat(result.open()).isEqualTo(20);
			assertThat(result.openAfterWindow()).isEqualTo(20);
			assertThat(result.reached()).isEqualTo("all");
			assertThat(result.failed()).isZero();
			// 22 streams, one chunk each 50 ms, for about a second
			assertThat((double) result.chunks()).isCloseTo(22 * 20, within(22 * 20 * 0.5));
			assertThat(result.probeFirsts()).hasSize(5);
			assertThat(result.toLine()).contains("open=20 ").contains("api=async");
		}
	}

}
