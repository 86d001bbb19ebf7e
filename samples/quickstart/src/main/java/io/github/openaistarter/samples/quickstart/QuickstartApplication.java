package io.github.openaistarter.samples.quickstart;

import java.util.HashMap;

import io.micrometer.core.instrument.MeterRegistry;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.health.OpenAiHealthIndicator;
import io.github.openaistarter.test.OpenAiFakeServer;
import io.github.openaistarter.tool.ChatTools;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Runs {@link ConversationStory}, {@link StructuredStory} and {@link ToolsStory} once and
 * exits. With {@code OPENAI_API_KEY} set (and optionally {@code OPENAI_BASE_URL}) it
 * talks to that server; without, it starts an in-process fake OpenAI server on loopback,
 * so it works offline.
 * <p>
 * That choice is made here, at run time, and hands the fake's URL and key over as default
 * properties: no condition or bean definition depends on it, so the jar built with
 * ahead-of-time processing ({@code mvn -Paot}, run with
 * {@code -Dspring.aot.enabled=true}) chooses the same way. The types read or written as
 * JSON (the structured answers, the tools' parameters and results) are registered for
 * reflection, as a native image needs.
 */
@SpringBootApplication
@RegisterReflectionForBinding({ StructuredStory.Planet.class, StructuredStory.Step.class, TravelTools.City.class,
		TravelTools.Weather.class })
public class QuickstartApplication {

	public static void main(String[] args) {
		boolean offline = isBlank(System.getenv("OPENAI_API_KEY"));
		try (OpenAiFakeServer fake = offline ? OpenAiFakeServer.start() : null) {
			SpringApplication application = new SpringApplication(QuickstartApplication.class);
			if (fake != null) {
				System.out.println("No OPENAI_API_KEY: running offline against an embedded fake at " + fake.baseUrl());
				application.setDefaultProperties(new HashMap<>(fake.properties()));
			}
			System.exit(SpringApplication.exit(application.run(args)));
		}
	}

	@Bean
	CommandLineRunner conversation(ChatCompletionsOperations chat, ChatTools tools,
			ObjectProvider<OpenAiHealthIndicator> health, MeterRegistry meters) {
		return (args) -> {
			new ConversationStory(chat, System.out).run();
			new StructuredStory(chat, System.out).run();
			new ToolsStory(chat, tools, System.out).run();
			new ObservabilityReport(health.getIfAvailable(), meters, System.out).print();
		};
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
