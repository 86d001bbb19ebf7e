package io.github.openaistarter.autoconfigure.observation;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.client.OpenAiClients;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.observation.ObservationCallObserver;
import io.github.openaistarter.observation.OpenAiMeterObservationHandler;
import io.github.openaistarter.observation.OpenAiObservationContext;
import io.github.openaistarter.observation.OpenAiObservationConvention;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenAiObservationAutoConfiguration} with Boot's observation and
 * metrics auto-configurations, calling a loopback server.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class OpenAiObservationAutoConfigurationTests {

	private static final String KEY = "sk-observation-secret-1357";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}],
			 "usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10,
			 "prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":2}}}""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				OpenAiObservationAutoConfiguration.class, OpenAiAutoConfiguration.class,
				WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				CodecsAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	private ApplicationContextRunner withServer() {
		return this.runner.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + this.server.url("/v1"),
				"openai.chat.model=gpt-4o-mini");
	}

	private void answerOnce(AssertableApplicationContext context) {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_auto_1")
			.body(COMPLETION)
			.build());
		ChatCompletionsOperations chat = context.getBean(ChatCompletionsOperations.class);
		assertThat(chat.create(List.of(ChatMessage.user("hello"))).text()).isEqualTo("hi");
	}

	@Test
	void aCallProducesTheOperationTimerAndTokenMeters() {
		withServer().run((context) -> {
			assertThat(context).hasSingleBean(ObservationCallObserver.class)
				.hasSingleBean(OpenAiMeterObservationHandler.class);
			answerOnce(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("gen_ai.client.operation")
				.tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai", "gen_ai.request.model",
						"gpt-4o-mini", "openai.operation", "chat.completions.create", "openai.streaming", "false",
						"outcome", "success", "http.response.status_class", "2xx", "error.type", "none",
						"openai.attempts", "1", "server.address", "localhost", "server.port",
						String.valueOf(this.server.getPort()), "openai.client.name", "default", "error", "none")
				.timer()
				.count()).isOne();
			assertThat(
					meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary().totalAmount())
				.isEqualTo(7.0);
			assertThat(
					meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary().totalAmount())
				.isEqualTo(3.0);
			assertThat(
					meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "cached").summary().totalAmount())
				.isEqualTo(4.0);
			assertThat(meters.get("gen_ai.client.token.usage")
				.tag("gen_ai.token.type", "reasoning")
				.summary()
				.totalAmount()).isEqualTo(2.0);
		});
	}

	@Test
	void everyMeterCarriesTheNameOfTheClientThatCalled() throws IOException {
		try (MockWebServer azure = new MockWebServer()) {
			azure.start();
			withServer()
				.withPropertyValues("openai.clients.backup.base-url=" + azure.url("/openai/v1"),
						"openai.clients.backup.provider=azure")
				.run((context) -> {
					answerOnce(context);
					azure.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
						.body(COMPLETION)
						.build());
					assertThat(context.getBean(OpenAiClients.class)
						.chat("backup")
						.create(List.of(ChatMessage.user("hello")))
						.text()).isEqualTo("hi");
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThat(
							meters.get("gen_ai.client.operation").tag("openai.client.name", "default").timer().count())
						.isOne();
					assertThat(meters.get("gen_ai.client.operation")
						.tags("openai.client.name", "backup", "gen_ai.provider.name", "azure.ai.openai", "server.port",
								String.valueOf(azure.getPort()))
						.timer()
						.count()).isOne();
					assertThat(meters.get("gen_ai.client.token.usage")
						.tags("openai.client.name", "backup", "gen_ai.token.type", "input")
						.summary()
						.totalAmount()).isEqualTo(7.0);
				});
		}
	}

	@Test
	void observationsCanBeTurnedOffWithTheirOwnProperty() {
		withServer().withPropertyValues("openai.observations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ObservationCallObserver.class)
				.doesNotHaveBean(OpenAiMeterObservationHandler.class);
			answerOnce(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("gen_ai.client.operation").meters()).isEmpty();
			assertThat(meters.find("gen_ai.client.token.usage").meters()).isEmpty();
		});
	}

	@Test
	void observationsCanBeTurnedOffWithBootsObservationsProperty() {
		withServer().withPropertyValues("management.observations.enable.gen_ai.client.operation=false")
			.run((context) -> {
				answerOnce(context);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("gen_ai.client.operation").meters()).isEmpty();
				assertThat(meters.find("gen_ai.client.token.usage").meters()).isEmpty();
			});
	}

	@Test
	void callsWorkWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(OpenAiObservationAutoConfiguration.class, OpenAiAutoConfiguration.class,
							WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
							HttpClientAutoConfiguration.class, CodecsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class, MeterRegistry.class))
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + this.server.url("/v1"),
					"openai.chat.model=gpt-4o-mini")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(ObservationCallObserver.class)
					.doesNotHaveBean(OpenAiMeterObservationHandler.class);
				answerOnce(context);
			});
	}

	@Test
	void callsAreObservedWithoutTokenMetersWhenThereIsNoMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					OpenAiObservationAutoConfiguration.class, OpenAiAutoConfiguration.class,
					WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					HttpClientAutoConfiguration.class, CodecsAutoConfiguration.class))
			.withUserConfiguration(StoppedObservations.class)
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + this.server.url("/v1"),
					"openai.chat.model=gpt-4o-mini")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ObservationCallObserver.class)
					.doesNotHaveBean(MeterRegistry.class)
					.doesNotHaveBean(OpenAiMeterObservationHandler.class);
				answerOnce(context);
				assertThat(context.getBean(StoppedObservations.class).names).containsExactly("gen_ai.client.operation");
			});
	}

	@Test
	void aUserConventionReplacesTheDefault() {
		withServer().withUserConfiguration(CustomConventionConfiguration.class).run((context) -> {
			answerOnce(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("gen_ai.client.operation").meters()).isEmpty();
			assertThat(meters.get("custom.openai.calls")
				.tags("team", "search", "op", "chat.completions.create")
				.timer()
				.count()).isOne();
		});
	}

	@Test
	void includingContentLogsAWarningAtStartup(CapturedOutput output) {
		withServer().withPropertyValues("openai.observations.include-content=true").run((context) -> {
			assertThat(context).hasSingleBean(ObservationCallObserver.class);
			assertThat(output).contains("openai.observations.include-content is on");
		});
	}

	@Test
	void noContentWarningByDefault(CapturedOutput output) {
		withServer().run((context) -> {
			assertThat(context).hasSingleBean(ObservationCallObserver.class);
			assertThat(output).doesNotContain("include-content");
		});
	}

	/** Records the names of the observations stopped. */
	@Configuration(proxyBeanMethods = false)
	static class StoppedObservations implements ObservationHandler<Observation.Context> {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.names.add(context.getName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConventionConfiguration {

		@Bean
		OpenAiObservationConvention customConvention() {
			return new OpenAiObservationConvention() {

				@Override
				public String getName() {
					return "custom.openai.calls";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(OpenAiObservationContext context) {
					return KeyValues.of("team", "search", "op", context.getOperation());
				}

			};
		}

	}

}
