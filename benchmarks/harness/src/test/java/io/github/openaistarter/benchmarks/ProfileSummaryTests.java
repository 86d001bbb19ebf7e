package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProfileSummary} and {@link CodeLayer}.
 */
class ProfileSummaryTests {

	@TempDir
	Path dir;

	@Test
	void samplesGoToTheInnermostFrameThatIsNeitherTheJdksNorNative() throws IOException {
		profile("floor-1", 100_000, 25_000_000_000L, List.of(
				// String.charAt called by Netty counts as Netty's
				"[reactor-http-epoll-1 tid=11];java/lang/Thread.run;io/netty/channel/AbstractChannel.read;java/lang/String.charAt 300",
				// a system call made by Netty: Netty's, and in the kernel
				"[reactor-http-epoll-1 tid=11];io/netty/channel/unix/FileDescriptor.writevAddresses;__writev;do_syscall_64_[k] 100",
				"[C2 CompilerThread0 tid=5];thread_native_entry;CompileBroker::compiler_thread_loop 50"));
		profile("ours-reactive-1", 50_000, 20_000_000_000L,
				List.of("[reactor-http-epoll-2 tid=12];io/netty/channel/AbstractChannel.read;"
						+ "reactor/core/publisher/MonoFlatMap$FlatMapMain.onNext;"
						+ "io/github/openaistarter/core/OpenAiTransport.decode;tools/jackson/databind/ObjectMapper.readValue;"
						+ "java/lang/reflect/Method.invoke 200",
						"[reactor-http-epoll-2 tid=12];io/netty/channel/AbstractChannel.read 150"));
		profile("ours-reactive-2", 50_000, 20_000_000_000L,
				List.of("[reactor-http-epoll-2 tid=12];io/netty/channel/AbstractChannel.read;"
						+ "org/springframework/http/HttpHeaders.getFirst;java/util/HashMap.get 100",
						"[GC Thread#0 tid=3];G1ParTask::work 40", "[reactor-http-epoll-2 tid=12];epoll_wait 10"));

		String md = ProfileSummary.read(this.dir, List.of("floor", "ours-reactive", "ours-blocking")).toMarkdown();

		// 450 samples of 1 ms over 100,000 calls: 4.5 us per call; 400 of them on the client's threads
		assertThat(md).contains("| floor | 1 | 100,000 | 250.0 | 4.5 | 4.0 | 0.5 | 0.0 | 1.0 | 1,000 |");
		// two JVMs pooled: 500 samples over 100,000 calls
		assertThat(md).contains("| ours-reactive | 2 | 100,000 | 400.0 | 5.0 | 4.6 | 0.0 | 0.4 | 0.0 | 1,000 |");
		assertThat(md).doesNotContain("| ours-blocking |");
		assertThat(md).contains("| Netty | 4.0 | 1.5 | -2.5 |");
		assertThat(md).contains("| Jackson | 0.0 | 2.0 | +2.0 |");
		assertThat(md).contains("| Spring | 0.0 | 1.0 | +1.0 |");
		assertThat(md).contains("| JDK and JVM only | 0.0 | 0.1 | +0.1 |");
		assertThat(md).contains("| **total** | 4.0 | 4.6 | +0.6 |");
		assertThat(md).contains("| `tools.jackson.databind.ObjectMapper.readValue` | 0.00 | 2.00 | +2.00 |");
	}

	@Test
	void allocationGoesToTheCodeThatAllocated() throws IOException {
		Path jfr = this.dir.resolve("floor-1.jfr");
		List<byte[]> kept = new ArrayList<>();
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "2000/s");
			recording.start();
			long end = System.nanoTime() + 500_000_000L;
			while (System.nanoTime() < end) {
				kept.add(new byte[4096]);
				if (kept.size() > 1000) {
					kept.clear();
				}
			}
			recording.stop();
			recording.dump(jfr);
		}
		Files.writeString(this.dir.resolve("floor-1.window"),
				"calls=1 seconds=1 cpu_nanos=1 allocated_bytes=1 interval_nanos=1000000\n");
		Files.writeString(this.dir.resolve("floor-1.collapsed"), "");

		String md = ProfileSummary.read(this.dir, List.of("floor")).toMarkdown();

		String row = md.lines().filter((line) -> line.startsWith("| benchmark code")).reduce((a, b) -> b).orElseThrow();
		assertThat(Long.parseLong(row.split("\\|")[2].trim().replace(",", ""))).isPositive();
	}

	@Test
	void layersAreTheLibrariesByPackage() {
		assertThat(CodeLayer.of("io/github/openaistarter/core/OpenAiTransport")).isEqualTo(CodeLayer.STARTER);
		assertThat(CodeLayer.of("io.github.openaistarter.benchmarks.FloorClient")).isEqualTo(CodeLayer.BENCHMARK);
		assertThat(CodeLayer.of("reactor.netty.http.client.HttpClientConnect")).isEqualTo(CodeLayer.REACTOR_NETTY);
		assertThat(CodeLayer.of("reactor.core.publisher.Mono")).isEqualTo(CodeLayer.REACTOR);
		assertThat(CodeLayer.of("com.fasterxml.jackson.annotation.JsonValue")).isEqualTo(CodeLayer.JACKSON);
		assertThat(CodeLayer.of("jdk.internal.misc.Unsafe")).isEqualTo(CodeLayer.JDK);
		assertThat(CodeLayer.of("org.HdrHistogram.Histogram")).isEqualTo(CodeLayer.OTHER);
	}

	private void profile(String prefix, long calls, long cpuNanos, List<String> stacks) throws IOException {
		Files.writeString(this.dir.resolve(prefix + ".window"), "calls=" + calls + " seconds=10.000 cpu_nanos="
				+ cpuNanos + " allocated_bytes=" + (calls * 1000) + " interval_nanos=1000000\n");
		Files.write(this.dir.resolve(prefix + ".collapsed"), stacks);
		try (Recording recording = new Recording()) {
			recording.start();
			recording.stop();
			recording.dump(this.dir.resolve(prefix + ".jfr"));
		}
	}

}
