package io.github.openaistarter.benchmarks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's load figures from made-up lines: several forks of a client make one row of their medians.
 */
class ReportTests {

	@Test
	void forksOfAClientMakeOneRowOfTheirMediansAndTheTargetsCompareThem() {
		Report report = new Report();
		report.load(line("floor", 64, 600, 300));
		report.load(line("floor", 1000, 9000, 70));
		report.load(line("floor", 1000, 9600, 90));
		report.load(line("floor", 1000, 9300, 60));
		report.load(line("ours-reactive", 1000, 8000, 140));
		report.load(line("ours-reactive", 1000, 9400, 84));
		report.load(line("ours-reactive", 1000, 9200, 91));
		String md = report.toMarkdown();
		assertThat(md).contains("| floor | 1000 | 9,300 | 1.00x |")
			.contains("| ours-reactive | 1000 | 9,200 | 0.99x |")
			.contains("| 91 | 3: 84-140 |")
			.contains("| 70 | 3: 60-90 |")
			.contains("| floor | 64 | 600 |")
			.contains("91.0 vs 70.0 us, medians of 3 forks each | 1.30x | yes |")
			.contains("9,200 vs 9,300 calls/s, medians of 3 forks each | 0.99x | yes |");
		assertThat(md.split("\\| floor \\| 1000 \\|", -1)).hasSize(2);
	}

	@Test
	void oneForkIsShownAsItCame() {
		Report report = new Report();
		report.load(line("floor", 1000, 9000, 70));
		report.load(line("ours-reactive", 1000, 8000, 140));
		String md = report.toMarkdown();
		assertThat(md).contains("| 140 | 1 |").contains("140.0 vs 70.0 us | 2.00x | **no** |");
	}

	private static Map<String, String> line(String client, int concurrency, double throughput, double cpu) {
		return Map.of("client", client, "concurrency", Integer.toString(concurrency), "calls", "1", "seconds", "4",
				"throughput", Double.toString(throughput), "p50_ms", "101", "p99_ms", "150", "max_ms", "200",
				"errors", "0", "cpu_us_per_call", Double.toString(cpu));
	}

}
