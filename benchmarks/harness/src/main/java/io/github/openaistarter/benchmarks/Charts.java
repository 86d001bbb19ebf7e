package io.github.openaistarter.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The report's comparisons drawn as PNG charts beside it: CPU and allocation per create and per stream chunk, one
 * bar per client; throughput and p99 latency against calls in flight, one line per client. Draws whatever clients
 * the figures hold, each in the same colour on every chart ({@link ChartPalette}), and skips a chart whose figures
 * were not measured in the run. Draws headless.
 */
final class Charts {

	/** CPU and allocation per plain create, per client. */
	static final String PER_CREATE = "per-create.png";

	/** CPU and allocation per stream chunk, per client. */
	static final String PER_CHUNK = "per-chunk.png";

	/** Calls per second against calls in flight, per client. */
	static final String THROUGHPUT = "throughput.png";

	/** p99 latency against calls in flight, per client. */
	static final String P99 = "p99.png";

	/** The bar charts of the JMH benchmarks that have one. */
	static final Map<String, String> PER_OP = Map.of("create", PER_CREATE, "stream", PER_CHUNK);

	private static final Map<String, String> ALT = Map.of(PER_CREATE, "CPU and allocation per create, per client",
			PER_CHUNK, "CPU and allocation per stream chunk, per client", THROUGHPUT,
			"throughput against calls in flight, per client", P99, "p99 latency against calls in flight, per client");

	private static final int WIDTH = 1000;

	private static final int BAR_HEIGHT = 420;

	private static final int LINE_HEIGHT = 560;

	private final List<Report.JmhRow> jmh;

	private final List<Map<String, String>> load;

	private final ChartPalette palette;

	/**
	 * Charts of figures.
	 * @param jmh the JMH rows; those of the {@code create} and {@code stream} benchmarks are drawn
	 * @param load the load driver's lines, with {@code client}, {@code concurrency}, {@code throughput} and
	 * {@code p99_ms}
	 */
	Charts(List<Report.JmhRow> jmh, List<Map<String, String>> load) {
		this.jmh = List.copyOf(jmh);
		this.load = List.copyOf(load);
		this.palette = new ChartPalette(Stream.concat(this.jmh.stream().map(Report.JmhRow::client),
				this.load.stream().map((line) -> line.getOrDefault("client", ""))).toList());
	}

	/**
	 * Charts of a report's figures.
	 * @param report the report
	 * @return its charts
	 */
	static Charts of(Report report) {
		return new Charts(report.jmhRows(), report.loadRows());
	}

	/**
	 * Writes the charts whose figures were measured.
	 * @param dir the folder, the report's
	 * @return the names of the files written, in the folder
	 * @throws IOException when a file cannot be written
	 */
	List<String> write(Path dir) throws IOException {
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
		Files.createDirectories(dir);
		List<String> written = new ArrayList<>();
		perOp("create", "create", dir.resolve(PER_CREATE), written);
		perOp("stream", "stream chunk", dir.resolve(PER_CHUNK), written);
		againstInFlight("Throughput", "calls/s", "higher is better", "throughput", dir.resolve(THROUGHPUT), written);
		againstInFlight("p99 latency", "ms", "lower is better", "p99_ms", dir.resolve(P99), written);
		for (String file : List.of(PER_CREATE, PER_CHUNK, THROUGHPUT, P99)) {
			if (!written.contains(file)) {
				// not measured in this run: no chart of an earlier run left beside this report
				Files.deleteIfExists(dir.resolve(file));
			}
		}
		return written;
	}

	/**
	 * The Markdown that shows charts, for those of them that were written.
	 * @param written the names of the charts written
	 * @param files the charts to show, in this order
	 * @return an image line per chart written, or nothing
	 */
	static String markdown(Collection<String> written, String... files) {
		StringBuilder md = new StringBuilder();
		for (String file : files) {
			if (written.contains(file)) {
				md.append("![").append(ALT.getOrDefault(file, file)).append("](").append(file).append(")\n\n");
			}
		}
		return md.toString();
	}

	// ---- bars: one per client

	private void perOp(String benchmark, String per, Path file, List<String> written) throws IOException {
		List<Report.JmhRow> rows = this.jmh.stream().filter((row) -> row.benchmark().equals(benchmark)).toList();
		List<CategoryChart> charts = new ArrayList<>();
		bars("CPU per " + per + " (us, lower is better)", "CPU (us)", rows, (row) -> row.cpuNs() / 1000)
			.ifPresent(charts::add);
		bars("Allocation per " + per + " (KB, lower is better)", "allocated (KB)", rows,
				(row) -> row.allocBytes() / 1024)
			.ifPresent(charts::add);
		if (!charts.isEmpty()) {
			try (OutputStream out = Files.newOutputStream(file)) {
				BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapFormat.PNG);
			}
			written.add(file.getFileName().toString());
		}
	}

	private Optional<CategoryChart> bars(String title, String axis, List<Report.JmhRow> rows,
			ToDoubleFunction<Report.JmhRow> figure) {
		Map<String, Double> values = new LinkedHashMap<>();
		for (Report.JmhRow row : rows) {
			double value = figure.applyAsDouble(row);
			if (Double.isFinite(value)) {
				values.putIfAbsent(row.client(), value);
			}
		}
		if (values.isEmpty()) {
			return Optional.empty();
		}
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(BAR_HEIGHT).title(title).yAxisTitle(axis)
			.build();
		style(chart);
		chart.getStyler().setLegendVisible(false);
		chart.getStyler().setOverlapped(true);
		chart.getStyler().setLabelsVisible(true);
		chart.getStyler().setLabelsPosition(1.0);
		chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
		chart.getStyler().setLabelsFontColor(Color.DARK_GRAY);
		chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		// tenths only where they tell
		chart.getStyler().setYAxisDecimalPattern((Collections.max(values.values()) >= 100) ? "#,##0" : "#,##0.#");
		chart.getStyler().setYAxisMin(0.0);
		chart.getStyler().setXAxisLabelRotation((values.size() > 8) ? 30 : (values.size() > 5) ? 20 : 0);
		List<String> clients = new ArrayList<>(values.keySet());
		for (int i = 0; i < clients.size(); i++) {
			// a series per client, with its bar only in its own category: a colour per client
			List<Double> heights = new ArrayList<>(Collections.nCopies(clients.size(), (Double) null));
			heights.set(i, values.get(clients.get(i)));
			CategorySeries series = chart.addSeries(clients.get(i), clients, heights);
			series.setFillColor(this.palette.color(clients.get(i)));
		}
		return Optional.of(chart);
	}

	// ---- lines: one per client

	private void againstInFlight(String what, String unit, String better, String key, Path file,
			List<String> written) throws IOException {
		Map<String, TreeMap<Integer, Double>> lines = new LinkedHashMap<>();
		// where a client completed no calls (no figure, or none a log axis can show): said in its legend
		Map<String, List<Integer>> without = new LinkedHashMap<>();
		for (Map<String, String> line : this.load) {
			Integer inFlight = integer(line.get("concurrency"));
			double value = number(line.get(key));
			if (line.get("client") == null || inFlight == null || inFlight <= 0) {
				continue;
			}
			if (value > 0) {
				lines.computeIfAbsent(line.get("client"), (client) -> new TreeMap<>()).put(inFlight, value);
			}
			else {
				without.computeIfAbsent(line.get("client"), (client) -> new ArrayList<>()).add(inFlight);
			}
		}
		if (lines.isEmpty()) {
			return;
		}
		XYChart chart = new XYChartBuilder().width(WIDTH).height(LINE_HEIGHT)
			.title(what + " against calls in flight (" + unit + ", " + better + ")")
			.xAxisTitle("calls in flight")
			.yAxisTitle(what + " (" + unit + ")")
			.build();
		style(chart);
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
		chart.getStyler().setMarkerSize(8);
		chart.getStyler().setXAxisDecimalPattern("#,##0");
		chart.getStyler().setYAxisDecimalPattern("#,##0");
		double xMin = Double.MAX_VALUE;
		double xMax = 0;
		double yMin = Double.MAX_VALUE;
		double yMax = 0;
		for (Map.Entry<String, TreeMap<Integer, Double>> line : lines.entrySet()) {
			String client = line.getKey();
			List<Integer> xs = new ArrayList<>(line.getValue().keySet());
			List<Double> ys = new ArrayList<>(line.getValue().values());
			XYSeries series = chart.addSeries(legend(client, without.getOrDefault(client, List.of())), xs, ys);
			series.setLineColor(this.palette.color(client));
			series.setMarkerColor(this.palette.color(client));
			series.setMarker(this.palette.marker(client));
			series.setLineStyle(this.palette.line(client));
			xMin = Math.min(xMin, xs.get(0));
			xMax = Math.max(xMax, xs.get(xs.size() - 1));
			yMin = Math.min(yMin, Collections.min(ys));
			yMax = Math.max(yMax, Collections.max(ys));
		}
		// a log axis when the figures span decades: 1, 64 and 1,000 in flight; 10 to 10,000 calls/s
		if (xMax / xMin >= 10) {
			chart.getStyler().setXAxisLogarithmic(true);
			chart.setXAxisTitle("calls in flight (log scale)");
		}
		if (yMax / yMin >= 20) {
			chart.getStyler().setYAxisLogarithmic(true);
			chart.setYAxisTitle(what + " (" + unit + ", log scale)");
		}
		else {
			chart.getStyler().setYAxisMin(0.0);
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
		}
		written.add(file.getFileName().toString());
	}

	private static String legend(String client, List<Integer> without) {
		if (without.isEmpty()) {
			return client;
		}
		return client + " (none at " + String.join(", ",
				without.stream().sorted().map((inFlight) -> String.format(Locale.ROOT, "%,d", inFlight)).toList())
				+ ")";
	}

	// ---- shared

	private static void style(Chart<? extends AxesChartStyler, ?> chart) {
		AxesChartStyler styler = chart.getStyler();
		styler.setChartBackgroundColor(Color.WHITE);
		styler.setPlotBackgroundColor(Color.WHITE);
		styler.setPlotBorderVisible(false);
		styler.setPlotGridVerticalLinesVisible(false);
		styler.setPlotGridLinesColor(new Color(0xDDDDDD));
		styler.setChartTitleBoxVisible(false);
		styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		styler.setLegendBorderColor(Color.WHITE);
		styler.setChartPadding(12);
	}

	private static Integer integer(String value) {
		try {
			return (value != null) ? Integer.valueOf(value.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static double number(String value) {
		try {
			return (value != null) ? Double.parseDouble(value.trim()) : Double.NaN;
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

}
