package io.github.openaistarter.autoconfigure.tool;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.tool.ChatTool;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.OpenAiTool;
import io.github.openaistarter.tool.ToolErrorHandling;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ChatTools} bean: every bean's {@code @OpenAiTool} methods and every
 * {@link ChatTool} bean, the {@code openai.tools.*} settings, duplicates refused at
 * startup, a user's bean winning.
 */
class OpenAiToolsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class,
				OpenAiToolsAutoConfiguration.class))
		.withPropertyValues("openai.api-key=sk-test");

	record Query(String city) {
	}

	static class WeatherTools {

		static final AtomicInteger created = new AtomicInteger();

		WeatherTools() {
			created.incrementAndGet();
		}

		@OpenAiTool(description = "The weather")
		String weather(String city) {
			return "sunny in " + city;
		}

		@OpenAiTool(name = "forecast")
		String tomorrow(String city) {
			return "rain in " + city;
		}

	}

	static class OtherWeatherTools {

		@OpenAiTool
		String weather(String city) {
			return "cloudy";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Tools {

		@Bean
		@Lazy
		WeatherTools weatherTools() {
			return new WeatherTools();
		}

		@Bean
		ChatTool time() {
			return ChatTool.of("time", null, Query.class, (query) -> "noon");
		}

	}

	@Test
	void holdsEveryToolMethodAndToolBeanAndRunsThemOnTheirBeanCreatedAtFirstCall() throws Exception {
		WeatherTools.created.set(0);
		this.runner.withUserConfiguration(Tools.class).run((context) -> {
			ChatTools tools = context.getBean(ChatTools.class);
			assertThat(tools.names()).containsExactlyInAnyOrder("time", "weather", "forecast");
			assertThat(WeatherTools.created).as("the lazy tool bean is not created to read its tools").hasValue(0);
			assertThat(tools.get("weather").call("{\"city\":\"Oslo\"}")).isEqualTo("sunny in Oslo");
			assertThat(WeatherTools.created).hasValue(1);
			assertThat(tools.get("forecast").parameters()).containsKey("properties");
			assertThat(tools.maxRounds()).isEqualTo(ChatTools.DEFAULT_MAX_ROUNDS);
			assertThat(tools.errorHandling()).isEqualTo(ToolErrorHandling.REPORT_TO_MODEL);
		});
	}

	@Test
	void appliesTheSettings() {
		this.runner
			.withPropertyValues("openai.tools.max-rounds=3", "openai.tools.timeout=5s", "openai.tools.max-parallel=2",
					"openai.tools.error-handling=abort")
			.run((context) -> {
				ChatTools tools = context.getBean(ChatTools.class);
				assertThat(tools.isEmpty()).isTrue();
				assertThat(tools.maxRounds()).isEqualTo(3);
				assertThat(tools.toolTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(tools.maxParallel()).isEqualTo(2);
				assertThat(tools.errorHandling()).isEqualTo(ToolErrorHandling.ABORT);
			});
	}

	@Test
	void twoToolsWithTheSameNameFailTheStartup() {
		this.runner.withUserConfiguration(Tools.class)
			.withBean(OtherWeatherTools.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Two tools are named 'weather'"));
	}

	@Test
	void refusesABadSettingAtStartup() {
		this.runner.withPropertyValues("openai.tools.max-rounds=0")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("maxRounds"));
	}

	@Test
	void isObservedWhenARegistryIsThere() {
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withUserConfiguration(Tools.class)
			.run((context) -> assertThat(context.getBean(ChatTools.class).names()).isNotEmpty());
	}

	@Test
	void aUsersBeanWins() {
		ChatTools mine = ChatTools.of();
		this.runner.withBean(ChatTools.class, () -> mine)
			.withUserConfiguration(Tools.class)
			.run((context) -> assertThat(context.getBean(ChatTools.class)).isSameAs(mine));
	}

}
