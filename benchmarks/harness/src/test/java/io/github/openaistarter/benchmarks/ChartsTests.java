package io.github.openaistarter.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts drawn from made-up figures, headless: each is a PNG that reads back at its size, in the clients'
 * colours, and the report shows only those drawn.
 */
class ChartsTests {

	private static final List<String> CLIENTS = List.of("ours-reactive", "ours-blocking", "floor", "openai-java",
			"openai-java-tuned", "spring-ai", "langchain4j-tuned");

	@TempDir
	Path dir;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@Test
	void drawsEveryChartOfAFullRun() throws IOException {
		List<String> written = new Charts(jmh(), load()).write(this.dir);
		assertThat(written).containsExactly(Charts.PER_CREATE, Charts.PER_CHUNK, Charts.THROUGHPUT, Charts.P99);
		// two bar charts stacked, CPU over allocation; a line chart each
		assertImage(Charts.PER_CREATE, 1000, 840);
		assertImage(Charts.PER_CHUNK, 1000, 840);
		assertImage(Charts.THROUGHPUT, 1000, 560);
		assertImage(Charts.P99, 1000, 560);
		assertThat(Charts.markdown(written, Charts.THROUGHPUT, Charts.P99))
			.contains("](throughput.png)", "](p99.png)");
	}

	@Test
	void drawsOnlyWhatWasMeasuredAndLeavesNoEarlierChart() throws IOException {
		Files.write(this.dir.resolve(Charts.PER_CREATE), new byte[] { 1 });
		List<String> written = new Charts(List.of(), load()).write(this.dir);
		assertThat(written).containsExactly(Charts.THROUGHPUT, Charts.P99);
		assertThat(this.dir.resolve(Charts.PER_CREATE)).doesNotExist();
		assertThat(Charts.markdown(written, Charts.PER_CREATE)).isEmpty();
	}

	@Test
	void drawsNothingWithoutFigures() throws IOException {
		Report.JmhRow noProfiler = new Report.JmhRow("create", "floor", 100, 1, Double.NaN, Double.NaN);
		assertThat(new Charts(List.of(noProfiler), List.of(Map.of("client", "floor", "concurrency", "64",
				"throughput", "0", "p99_ms", "n/a"))).write(this.dir)).isEmpty();
		try (var files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void theReportShowsTheChartsUnderTheirTables() throws IOException {
		Report report = new Report();
		jmh().forEach(report::jmh);
		load().forEach(report::load);
		report.charts(Charts.of(report).write(this.dir));
		String md = report.toMarkdown();
		assertThat(md).contains("![CPU and allocation per create, per client](per-create.png)",
				"![CPU and allocation per stream chunk, per client](per-chunk.png)", "](throughput.png)", "](p99.png)");
		assertThat(md.indexOf("](per-create.png)")).isGreaterThan(md.indexOf("## Per plain create call"));
		assertThat(md.indexOf("](throughput.png)")).isGreaterThan(md.indexOf("## Under load"));
	}

	private void assertImage(String file, int width, int height) throws IOException {
		BufferedImage image = ImageIO.read(this.dir.resolve(file).toFile());
		assertThat(image).as(file).isNotNull();
		assertThat(image.getWidth()).as(file).isEqualTo(width);
		assertThat(image.getHeight()).as(file).isEqualTo(height);
		// the first client's colour is drawn: bars or a line, not an empty frame
		int first = new ChartPalette(CLIENTS).color(CLIENTS.get(0)).getRGB();
		boolean drawn = false;
		for (int x = 0; x < width && !drawn; x++) {
			for (int y = 0; y < height && !drawn; y++) {
				drawn = image.getRGB(x, y) == first;
			}
		}
		assertThat(drawn).as(file + " shows the first client").isTrue();
	}

	private static List<Report.JmhRow> jmh() {
		List<Report.JmhRow> rows = new ArrayList<>();
		for (int i = 0; i < CLIENTS.size(); i++) {
			rows.add(new Report.JmhRow("create", CLIENTS.get(i), 150 + 20 * i, 3, 140_000 + 25_000 * i,
					40_000 + 9_000 * i));
			rows.add(new Report.JmhRow("stream", CLIENTS.get(i), 2 + i, 0.1, 1_800 + 400 * i, 900 + 150 * i));
		}
		return rows;
	}

	private static List<Map<String, String>> load() {
		List<Map<String, String>> lines = new ArrayList<>();
		for (int i = 0; i < CLIENTS.size(); i++) {
			for (int inFlight : new int[] { 1, 64, 1000 }) {
				// the last client completes no calls at 1,000 in flight: no point there, said in the legend
				boolean none = i == CLIENTS.size() - 1 && inFlight == 1000;
				double throughput = none ? 0 : inFlight * 9.5 / (1 + i * 0.1 * inFlight / 1000.0);
				lines.add(Map.of("client", CLIENTS.get(i), "concurrency", String.valueOf(inFlight), "throughput",
						String.valueOf(throughput), "p50_ms", "101", "p99_ms",
						none ? "NaN" : String.valueOf(102 + i * inFlight / 10.0), "errors", "0"));
			}
		}
		return lines;
	}

}
