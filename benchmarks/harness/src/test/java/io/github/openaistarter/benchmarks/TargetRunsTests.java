package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TargetRuns}.
 */
class TargetRunsTests {

	@TempDir
	Path runs;

	@Test
	void aTargetIsMetOnlyWhenEveryRunMeetsIt() throws IOException {
		Path first = run("first", "CPU per chunk <= 1.3x floor\t1.2\t1.3\tat-most\t6.0 vs 5.0 us",
				"throughput >= 0.9x floor\t0.95\t0.9\tat-least\t950 vs 1000 calls/s");
		Path second = run("second", "CPU per chunk <= 1.3x floor\t1.4\t1.3\tat-most\t7.0 vs 5.0 us",
				"throughput >= 0.9x floor\t0.99\t0.9\tat-least\t990 vs 1000 calls/s");
		Path third = run("third", "CPU per chunk <= 1.3x floor\t1.1\t1.3\tat-most\t5.5 vs 5.0 us",
				"throughput >= 0.9x floor\t0.91\t0.9\tat-least\t910 vs 1000 calls/s");

		String table = TargetRuns.summarize(List.of(first, second, third));

		assertThat(table).contains("| CPU per chunk <= 1.3x floor | 1.20x (6.0 vs 5.0 us); 1.40x (7.0 vs 5.0 us); "
				+ "1.10x (5.5 vs 5.0 us) | 1.20x | 0.30 | **no** |");
		assertThat(table).contains("| throughput >= 0.9x floor | 0.95x (950 vs 1000 calls/s); 0.99x (990 vs 1000"
				+ " calls/s); 0.91x (910 vs 1000 calls/s) | 0.95x | 0.08 | yes |");
	}

	@Test
	void aTargetMissingFromARunIsNotCountedAsMet() throws IOException {
		Path first = run("first", "heap per stream <= 1.5x floor\t1.0\t1.5\tat-most\t2 vs 2 KB");
		Path second = run("second");

		assertThat(TargetRuns.summarize(List.of(first, second)))
			.contains("| 1.00x | 0.00 | **not measured in every run** |");
	}

	private Path run(String name, String... lines) throws IOException {
		Path dir = Files.createDirectories(this.runs.resolve(name));
		Files.writeString(dir.resolve("targets.tsv"), String.join("\n", lines) + "\n");
		return dir;
	}

}
