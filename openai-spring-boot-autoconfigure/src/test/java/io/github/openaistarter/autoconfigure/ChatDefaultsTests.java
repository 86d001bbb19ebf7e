package io.github.openaistarter.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatDefaultsTests {

	@Test
	void everyPropertyBecomesTheRequestFieldOfItsWireName() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("openai.chat.model", "gpt-4.1-mini");
		properties.put("openai.chat.temperature", "0.3");
		properties.put("openai.chat.top-p", "0.9");
		properties.put("openai.chat.max-completion-tokens", "200");
		properties.put("openai.chat.reasoning-effort", "low");
		properties.put("openai.chat.verbosity", "high");
		properties.put("openai.chat.service-tier", "flex");
		properties.put("openai.chat.store", "true");
		properties.put("openai.chat.metadata.app", "demo");
		properties.put("openai.chat.presence-penalty", "0.5");
		properties.put("openai.chat.frequency-penalty", "-0.5");
		properties.put("openai.chat.parallel-tool-calls", "false");
		properties.put("openai.chat.safety-identifier", "user-42");
		properties.put("openai.chat.prompt-cache-key", "tenant-7");

		Map<String, Object> fields = bind(properties).toRequestFields();

		assertThat(fields).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("model", "gpt-4.1-mini"),
				Map.entry("temperature", 0.3), Map.entry("top_p", 0.9), Map.entry("max_completion_tokens", 200),
				Map.entry("reasoning_effort", "low"), Map.entry("verbosity", "high"), Map.entry("service_tier", "flex"),
				Map.entry("store", true), Map.entry("metadata", Map.of("app", "demo")),
				Map.entry("presence_penalty", 0.5), Map.entry("frequency_penalty", -0.5),
				Map.entry("parallel_tool_calls", false), Map.entry("safety_identifier", "user-42"),
				Map.entry("prompt_cache_key", "tenant-7")));
	}

	@Test
	void aPropertyAddedToTheClassMustBeSentToo() {
		long declared = Arrays.stream(ChatDefaults.class.getDeclaredFields())
			.filter((field) -> !Modifier.isStatic(field.getModifiers()))
			.map(Field::getName)
			.count();
		// the test above sets every property: a field missing from toRequestFields()
		// would leave this short
		assertThat(declared).as("fields of ChatDefaults; add the new one to toRequestFields() and to the test above")
			.isEqualTo(14);
	}

	@Test
	void unsetAndBlankPropertiesAreLeftOut() {
		Map<String, Object> fields = bind(Map.of("openai.chat.model", " ", "openai.chat.store", "false"))
			.toRequestFields();

		assertThat(fields).containsExactly(Map.entry("store", false));
		assertThat(new ChatDefaults().toRequestFields()).isEmpty();
	}

	@Test
	void metadataOverTheLimitsIsRefused() {
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < 17; i++) {
			properties.put("openai.chat.metadata.key" + i, "value");
		}

		assertThatIllegalArgumentException().isThrownBy(() -> bind(properties).toRequestFields())
			.withMessageContaining("16");
	}

	private static ChatDefaults bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("openai.chat", ChatDefaults.class).get();
	}

}
