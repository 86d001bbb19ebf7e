package io.github.openaistarter.benchmarks;

import java.util.List;

/**
 * One minimal application of the startup measure: the {@code StartupProbe} on a module's classpath.
 * @param label how the report names it
 * @param module the {@code benchmarks/} module whose classpath it runs on
 * @param arguments what the probe passes on to the application (a peer's API key property)
 */
record StartupApp(String label, String module, List<String> arguments) {

	/** The label of the baseline, Spring Boot's WebClient starter alone. */
	static final String BASELINE = "Spring Boot WebClient starter only";

	StartupApp(String label, String module, String... arguments) {
		this(label, module, List.of(arguments));
	}

}
