package io.github.openaistarter.samples.quickstart;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;

/**
 * Structured outputs: a record back from a completion in one call, and a list streamed
 * element by element.
 */
class StructuredStory {

	enum Kind {

		ROCKY, GAS_GIANT, ICE_GIANT

	}

	record Moon(String name, @JsonPropertyDescription("mean radius in kilometres") double radiusKm) {
	}

	record Planet(String name, Kind kind, List<Moon> moons) {
	}

	record Step(String title, int minutes) {
	}

	private final ChatCompletionsOperations chat;

	private final PrintStream out;

	StructuredStory(ChatCompletionsOperations chat, PrintStream out) {
		this.chat = chat;
		this.out = out;
	}

	void run() {
		// 5. A record in, a record out: the schema comes from the type, the answer is
		// read into it.
		Planet planet = this.chat.create(List.of(ChatMessage.user("Describe Mars and its moons.")), Planet.class);
		this.out.println("extracted: " + planet.name() + " (" + planet.kind() + "), moons "
				+ planet.moons().stream().map(Moon::name).toList());

		// 6. A list streamed element by element: each step arrives as soon as its JSON is
		// complete.
		ChatCompletionRequest plan = ChatCompletionRequest.of(List.of(ChatMessage.user("Plan a night of stargazing.")));
		try (Stream<Step> steps = this.chat.streamList(plan, Step.class)) {
			steps.forEach((step) -> this.out.println("  step: " + step.title() + " (" + step.minutes() + " min)"));
		}
	}

}
