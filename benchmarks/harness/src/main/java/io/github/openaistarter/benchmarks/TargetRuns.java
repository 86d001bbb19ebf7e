package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the targets of several runs of {@code benchmarks/run} side by side: for each target, its ratio in every run,
 * the median, the spread (highest minus lowest) and whether every run met it. CPU figures move a lot between runs on
 * a shared 2-core machine, so a target counts as met only when every run meets it.
 *
 * <pre>
 * benchmarks/runs-summary run1/ run2/ run3/    # each the benchmarks/target of one run, holding targets.tsv
 * </pre>
 */
public final class TargetRuns {

	private TargetRuns() {
	}

	public static void main(String[] args) throws IOException {
		List<Path> runs = Arrays.stream(args).map(Path::of).toList();
		if (runs.isEmpty()) {
			System.err.println("usage: TargetRuns <run dir with targets.tsv>...");
			System.exit(2);
		}
		System.out.print(summarize(runs));
	}

	/**
	 * The Markdown table of the targets of the runs.
	 * @param runs the runs' output directories
	 * @return the table
	 * @throws IOException when a run's {@code targets.tsv} cannot be read
	 */
	static String summarize(List<Path> runs) throws IOException {
		Map<String, List<String[]>> byTarget = new LinkedHashMap<>();
		for (Path run : runs) {
			for (String line : Files.readAllLines(run.resolve("targets.tsv"))) {
				if (!line.isBlank()) {
					String[] fields = line.split("\t");
					byTarget.computeIfAbsent(fields[0], (what) -> new ArrayList<>()).add(fields);
				}
			}
		}
		StringBuilder md = new StringBuilder("| target | ratio in each run | median | spread | met in every run |\n"
				+ "|---|---|---|---|---|\n");
		byTarget.forEach((what, rows) -> {
			double[] ratios = rows.stream().mapToDouble((row) -> Double.parseDouble(row[1])).sorted().toArray();
			double limit = Double.parseDouble(rows.get(0)[2]);
			boolean atMost = rows.get(0)[3].equals("at-most");
			boolean everyRun = rows.size() == runs.size() && Arrays.stream(ratios)
				.allMatch((ratio) -> atMost ? ratio <= limit : ratio >= limit);
			md.append("| ").append(what).append(" | ");
			rows.forEach((row) -> md.append(format(Double.parseDouble(row[1]))).append("x (").append(row[4]).append("); "));
			md.setLength(md.length() - 2);
			md.append(" | ").append(format(median(ratios))).append("x | ")
				.append(format(ratios[ratios.length - 1] - ratios[0])).append(" | ")
				.append(everyRun ? "yes" : (rows.size() < runs.size() ? "**not measured in every run**" : "**no**"))
				.append(" |\n");
		});
		return md.toString();
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
