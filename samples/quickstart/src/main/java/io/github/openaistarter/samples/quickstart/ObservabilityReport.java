package io.github.openaistarter.samples.quickstart;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Prints what Actuator knows after the tour: the {@code openai} health component and the
 * OpenAI meters, the tool calls' among them (the same data {@code /actuator/health} and
 * {@code /actuator/metrics} expose in a web application).
 */
class ObservabilityReport {

	private final @Nullable ReactiveHealthIndicator health;

	private final MeterRegistry meters;

	private final PrintStream out;

	ObservabilityReport(@Nullable ReactiveHealthIndicator health, MeterRegistry meters, PrintStream out) {
		this.health = health;
		this.meters = meters;
		this.out = out;
	}

	void print() {
		if (this.health != null) {
			Health result = this.health.health().block();
			if (result != null) {
				this.out.println("health of 'openai': " + result.getStatus() + " " + result.getDetails());
			}
		}
		this.out.println("meters:");
		this.meters.find("gen_ai.client.operation")
			.timers()
			.stream()
			.sorted(Comparator.comparing((Timer timer) -> timer.getId().getTag("openai.operation")))
			.forEach((timer) -> this.out.printf("  gen_ai.client.operation %-36s %-8s count=%d mean=%.1f ms%n",
					timer.getId().getTag("openai.operation"), timer.getId().getTag("outcome"), timer.count(),
					timer.mean(TimeUnit.MILLISECONDS)));
		this.meters.find("gen_ai.client.token.usage")
			.summaries()
			.stream()
			.sorted(Comparator.comparing((DistributionSummary summary) -> summary.getId().getTag("gen_ai.token.type")))
			.forEach((summary) -> this.out.printf("  gen_ai.client.token.usage %-9s %-26s total=%.0f%n",
					summary.getId().getTag("gen_ai.token.type"), summary.getId().getTag("openai.operation"),
					summary.totalAmount()));
		this.meters.find("gen_ai.execute_tool")
			.timers()
			.stream()
			.sorted(Comparator.comparing((Timer timer) -> timer.getId().getTag("gen_ai.tool.name")))
			.forEach((timer) -> this.out.printf("  gen_ai.execute_tool %-40s %-8s count=%d mean=%.1f ms%n",
					timer.getId().getTag("gen_ai.tool.name"), timer.getId().getTag("outcome"), timer.count(),
					timer.mean(TimeUnit.MILLISECONDS)));
		Timer firstChunk = this.meters.find("gen_ai.client.operation.time_to_first_chunk").timer();
		if (firstChunk != null) {
			this.out.printf("  gen_ai.client.operation.time_to_first_chunk max=%.1f ms%n",
					firstChunk.max(TimeUnit.MILLISECONDS));
		}
	}

}
