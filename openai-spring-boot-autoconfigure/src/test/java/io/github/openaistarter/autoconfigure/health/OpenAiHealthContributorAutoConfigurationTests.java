package io.github.openaistarter.autoconfigure.health;

import java.io.IOException;
import java.time.Duration;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.health.OpenAiHealthIndicator;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenAiHealthContributorAutoConfiguration}: when the indicator is
 * there, its name in the health registry and endpoint, its groups and its properties.
 */
@Timeout(60)
class OpenAiHealthContributorAutoConfigurationTests {

	private static final String KEY = "sk-health-autoconfig-9753";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(OpenAiHealthContributorAutoConfiguration.class, OpenAiAutoConfiguration.class,
					WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					HttpClientAutoConfiguration.class, CodecsAutoConfiguration.class));

	private final ApplicationContextRunner withHealthEndpoint = this.runner
		.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				EndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class));

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

	private ApplicationContextRunner withServer(ApplicationContextRunner runner) {
		return runner.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + this.server.url("/v1"),
				"openai.chat.model=gpt-4o-mini");
	}

	private void modelAnswers() {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_probe_1")
			.body("{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}")
			.build());
	}

	@Test
	void registersTheIndicatorWithTheHealthModuleAndTheClient() {
		withServer(this.runner).run((context) -> assertThat(context).hasSingleBean(OpenAiHealthIndicator.class)
			.hasBean("openaiHealthIndicator"));
	}

	@Test
	void noIndicatorWithoutTheHealthModule() {
		withServer(this.runner).withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenAiHealthIndicator.class));
	}

	@Test
	void noIndicatorWhenDisabled() {
		withServer(this.runner).withPropertyValues("management.health.openai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAiHealthIndicator.class));
	}

	@Test
	void noIndicatorWhenHealthIndicatorsAreDisabledByDefault() {
		withServer(this.runner).withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAiHealthIndicator.class));
	}

	@Test
	void noIndicatorWithoutTheClient() {
		withServer(this.runner).withPropertyValues("openai.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenAiHealthIndicator.class));
	}

	@Test
	void aUserIndicatorNamedOpenaiWins() {
		withServer(this.runner)
			.withBean("openaiHealthIndicator", ReactiveHealthIndicator.class,
					() -> () -> Mono.just(Health.up().build()))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAiHealthIndicator.class)
				.hasBean("openaiHealthIndicator"));
	}

	@Test
	void isRegisteredAsOpenaiAndReportedByTheHealthEndpoint() {
		withServer(this.withHealthEndpoint).run((context) -> {
			ReactiveHealthContributorRegistry registry = context.getBean(ReactiveHealthContributorRegistry.class);
			assertThat(registry.getContributor("openai")).isSameAs(context.getBean(OpenAiHealthIndicator.class));
			modelAnswers();
			HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath("openai");
			assertThat(health).isInstanceOf(IndicatedHealthDescriptor.class);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(((IndicatedHealthDescriptor) health).getDetails()).containsEntry("model", "gpt-4o-mini")
				.containsEntry("status", 200)
				.containsEntry("requestId", "req_probe_1");
			assertThat(this.server.getRequestCount()).isEqualTo(1);
			context.getBean(HealthEndpoint.class).health();
			assertThat(this.server.getRequestCount()).as("the probe is cached").isEqualTo(1);
		});
	}

	@Test
	void isNotInTheLivenessNorReadinessGroupByDefault() {
		withServer(this.withHealthEndpoint).withPropertyValues("management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("liveness").isMember("openai")).isFalse();
				assertThat(groups.get("readiness").isMember("openai")).isFalse();
				assertThat(groups.getPrimary().isMember("openai")).isTrue();
			});
	}

	@Test
	void canBeAddedToTheReadinessGroup() {
		withServer(this.withHealthEndpoint)
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState,openai")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("openai")).isTrue();
				assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
				assertThat(groups.get("liveness").isMember("openai")).isFalse();
			});
	}

	@Test
	void withNamedClientsOpenaiIsACompositeOfOneIndicatorPerClient() throws IOException {
		try (MockWebServer local = new MockWebServer()) {
			local.start();
			local.enqueue(new MockResponse.Builder().code(401)
				.addHeader("Content-Type", "application/json")
				.body("{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\","
						+ "\"code\":\"invalid_api_key\",\"param\":null}}")
				.build());
			withServer(this.withHealthEndpoint)
				.withPropertyValues("openai.clients.local.base-url=" + local.url("/v1"),
						"openai.clients.local.chat.model=llama3.2")
				.run((context) -> {
					modelAnswers();
					HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
					HealthDescriptor main = endpoint.healthForPath("openai", "default");
					assertThat(main.getStatus()).isEqualTo(Status.UP);
					assertThat(((IndicatedHealthDescriptor) main).getDetails()).containsEntry("model", "gpt-4o-mini");
					HealthDescriptor named = endpoint.healthForPath("openai", "local");
					assertThat(named.getStatus()).isEqualTo(Status.DOWN);
					assertThat(((IndicatedHealthDescriptor) named).getDetails()).containsEntry("model", "llama3.2")
						.containsEntry("baseUrl", local.url("/v1").toString().replaceAll("/$", ""))
						.hasEntrySatisfying("error",
								(error) -> assertThat(error.toString())
									.contains("check openai.clients.local.api-key (or the openai.api-key it inherits)")
									.doesNotContain(KEY));
					assertThat(endpoint.healthForPath("openai").getStatus()).isEqualTo(Status.DOWN);
				});
		}
	}

	@Test
	void bindsTheTimeoutAndTheTimeToLive() {
		withServer(this.runner)
			.withPropertyValues("management.health.openai.timeout=750ms",
					"management.health.openai.cache-time-to-live=2m")
			.run((context) -> {
				OpenAiHealthProperties properties = context.getBean(OpenAiHealthProperties.class);
				assertThat(properties.getTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.getCacheTimeToLive()).isEqualTo(Duration.ofMinutes(2));
			});
	}

	@Test
	void defaultsToAThreeSecondTimeoutAndAThirtySecondTimeToLive() {
		withServer(this.runner).run((context) -> {
			OpenAiHealthProperties properties = context.getBean(OpenAiHealthProperties.class);
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(3));
			assertThat(properties.getCacheTimeToLive()).isEqualTo(Duration.ofSeconds(30));
		});
	}

}
