package io.github.openaistarter.benchmarks.app.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a Spring Boot application declares to use LangChain4j's OpenAI models, LangChain4j having no starter for
 * Spring Boot 4: the two models built by their documented builders from a property. Registered as an
 * auto-configuration only so that the startup probe, which scans no packages, picks it up.
 */
@AutoConfiguration
public class LangChain4jConfiguration {

	@Bean
	OpenAiChatModel openAiChatModel(@Value("${langchain4j.open-ai.api-key}") String apiKey) {
		return OpenAiChatModel.builder().apiKey(apiKey).modelName("gpt-4o-mini").build();
	}

	@Bean
	OpenAiStreamingChatModel openAiStreamingChatModel(@Value("${langchain4j.open-ai.api-key}") String apiKey) {
		return OpenAiStreamingChatModel.builder().apiKey(apiKey).modelName("gpt-4o-mini").build();
	}

}
